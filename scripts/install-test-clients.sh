#!/usr/bin/env bash
# Real MCP clients the tests drive that cannot be in package-lock.json: opencode-ai lists a binary package
# per platform as optional dependencies, and the registry this project's CI reaches has only some of them,
# so `npm ci` would refuse the lock. It goes into .test-clients/ (ignored by git) at a pinned version.
# (Claude Code, Codex and Gemini CLI are ordinary devDependencies.)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-clients
npm install --prefix .test-clients --no-save --no-package-lock --no-audit --no-fund --loglevel=error opencode-ai@1.18.33
echo "Installed into .test-clients: opencode-ai@1.18.33"
