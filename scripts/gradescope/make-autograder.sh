#!/usr/bin/env bash
# Builds autograder.zip, ready to upload as a Gradescope "autograder" configuration: setup.sh and
# run_autograder at the top, and the built grader with its problem bank under source/.
#   bash scripts/gradescope/make-autograder.sh [OUT.zip]
# GRADER_NO_BUILD=1 packs the bundle already in dist/ (the tests do, while other tests run it).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(realpath -m "${1:-autograder.zip}")"
[ "${GRADER_NO_BUILD:-}" = 1 ] || npm run build >/dev/null
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/source"
cp scripts/gradescope/setup.sh scripts/gradescope/run_autograder "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
cp -r package.json package-lock.json bin dist problems "$stage/source/"
rm -f "$stage/source/dist/grader.cjs.cache"
(cd "$stage" && python3 - "$out" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk('.'):
        for f in files:
            path = os.path.join(root, f)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, '.'))
            with open(path, 'rb') as fh:
                z.writestr(info, fh.read(), zipfile.ZIP_DEFLATED)
PY
)
echo "wrote $out"
