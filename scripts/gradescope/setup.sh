#!/usr/bin/env bash
# Gradescope runs this once, from /autograder/source (the unpacked zip), when it builds the
# autograder image (Ubuntu). It installs a supported Node LTS (22, from NodeSource) unless one is
# there, then the grader's runtime packages from package-lock.json; the CLI is already built in dist/.
# AUTOGRADER_SKIP_NODE_INSTALL=1 skips the Node step and uses the `node` on PATH (the tests do).
set -euo pipefail
cd "$(dirname "$0")"
node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>=22||(a===20&&b>=19)?0:1)'; }
if [ "${AUTOGRADER_SKIP_NODE_INSTALL:-}" = 1 ]; then
  node_ok || { echo "setup.sh: AUTOGRADER_SKIP_NODE_INSTALL=1 needs node >= 20.19 on PATH" >&2; exit 1; }
elif ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
  apt-get install -y -qq nodejs
fi
# --ignore-scripts: `prepare` would rebuild dist/ with esbuild, a dev dependency not installed here.
npm ci --omit=dev --ignore-scripts --no-audit --no-fund
node bin/grader.cjs list >/dev/null
