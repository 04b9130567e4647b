#!/usr/bin/env bash
# Builds autograder.zip for a Gradescope "autograder" assignment. Gradescope unpacks the zip into
# /autograder/source/, so setup.sh and run_autograder sit at the zip's root and the built grader
# (package.json, package-lock.json, bin/, dist/, problems/) beside them.
#   bash scripts/gradescope/make-autograder.sh [OUT.zip] [--problems DIR] [--visibility WHEN]
# --problems packs another bank (default ./problems); --visibility sets when students see the
# results (visible, hidden, after_due_date, after_published; a question's `gradescope.visibility`
# wins). GRADER_NO_BUILD=1 packs the bundle already in dist/ (the tests do, while other tests run it).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=autograder.zip problems=problems visibility=
while [ $# -gt 0 ]; do
  case "$1" in
    --problems) problems="$2"; shift 2 ;;
    --visibility) visibility="$2"; shift 2 ;;
    -*) echo "make-autograder.sh: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
case "$visibility" in ''|visible|hidden|after_due_date|after_published) ;; *) echo "make-autograder.sh: --visibility is visible, hidden, after_due_date or after_published" >&2; exit 2 ;; esac
out="$(realpath -m "$out")"
[ "${GRADER_NO_BUILD:-}" = 1 ] || npm run build >/dev/null
# The bank must be sound before students meet it.
node bin/grader.cjs check --problems "$problems" >/dev/null || { echo "make-autograder.sh: \`grader check --problems $problems\` fails; fix the bank first" >&2; exit 1; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp scripts/gradescope/setup.sh scripts/gradescope/run_autograder "$stage/"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"
cp -r package.json package-lock.json bin dist "$stage/"
mkdir "$stage/problems" && cp "$problems"/*.yaml "$stage/problems/"
rm -f "$stage/dist/grader.cjs.cache"
printf 'GRADER_VISIBILITY=%s\n' "$visibility" > "$stage/autograder.env"
rm -f "$out"
node scripts/gradescope/zip.mjs "$stage" "$out"
echo "wrote $out"
