#!/usr/bin/env bash
# `npm run test:s3` runs against a single-node Ceph radosgw (scripts/radosgw-start.sh), Debian's packages.
# Idempotent: does nothing when radosgw, ceph-mon, ceph-osd and curl are on PATH; otherwise installs them without questions.
set -euo pipefail

if command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && command -v curl >/dev/null; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "radosgw is missing and this user cannot install it: run" \
      "'apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd curl' as root." >&2
    exit 1
  fi
fi

echo "Installing Debian's radosgw, ceph-mon, ceph-osd and curl for the S3 tests..."
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends radosgw ceph-mon ceph-osd curl
radosgw --version
