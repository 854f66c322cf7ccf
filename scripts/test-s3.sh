#!/usr/bin/env bash
# `npm run test:s3`: the test files that exercise S3 (media uploads, multipart, range reads, promotion's
# CopyObject, GC of blobs) against a real S3 server instead of the embedded s3rver, whose leniency has hidden
# framing bugs before (STACK.md §7). With TEST_S3_ENDPOINT, TEST_S3_ACCESS_KEY_ID and TEST_S3_SECRET_ACCESS_KEY
# set, that server; otherwise a throwaway single-node Ceph radosgw on free ports (scripts/radosgw-start.sh),
# stopped and removed on exit. Extra arguments go to jest. The test run creates its own buckets and deletes them.
set -euo pipefail
cd "$(dirname "$0")/.."

# Jest path patterns: the media library, the media, content (uploads, ranges), promotion and GC suites.
suites=('libs/media-storage/' 'test/media' 'test/content\.e2e' 'test/promotion\.e2e' 'test/gc\.e2e')

if [ -z "${TEST_S3_ENDPOINT:-}" ]; then
  bash scripts/ensure-radosgw.sh
  RGW_DIR=$(mktemp -d "${TMPDIR:-/tmp}/promote-rgw-XXXXXX")
  trap 'bash scripts/radosgw-stop.sh "$RGW_DIR"' EXIT
  bash scripts/radosgw-up.sh "$RGW_DIR"
  # shellcheck disable=SC1091
  source "$RGW_DIR/s3.env"
fi

echo "test:s3 on $TEST_S3_ENDPOINT ($(node --version))"
jest --maxWorkers=2 "$@" "${suites[@]}"
