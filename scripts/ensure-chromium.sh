#!/usr/bin/env bash
# The console's browser tests drive Debian's chromium through playwright-core (STACK.md §10).
# Idempotent: does nothing when /usr/bin/chromium exists; otherwise installs it without questions.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "chromium is missing and this user cannot install it: run 'apt-get install -y chromium' as root." >&2
    exit 1
  fi
fi

echo "Installing Debian's chromium for the console's browser tests..."
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
