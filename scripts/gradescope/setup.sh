#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu). It installs Node 20
# and the grader, which make-autograder.sh put in /autograder/source.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gnupg
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
cd /autograder/source
npm ci --omit=dev --ignore-scripts
