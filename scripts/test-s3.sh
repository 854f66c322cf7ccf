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
  export RGW_DIR
  trap 'bash scripts/radosgw-stop.sh "$RGW_DIR"' EXIT
  # Free ports, so runs from several clones (and a radosgw on the default 7480) never collide.
  read -r RGW_PORT MON_PORT MON_V1_PORT < <(node -e '
    const net = require("node:net");
    const listen = () => new Promise((resolve) => { const s = net.createServer().listen(0, "127.0.0.1", () => resolve(s)); });
    Promise.all([listen(), listen(), listen()]).then((servers) => {
      console.log(servers.map((s) => s.address().port).join(" "));
      for (const s of servers) s.close();
    });')
  ACCESS_KEY="promote$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  SECRET_KEY="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export RGW_PORT MON_PORT MON_V1_PORT ACCESS_KEY SECRET_KEY
  bash scripts/radosgw-start.sh
  export TEST_S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" TEST_S3_ACCESS_KEY_ID="$ACCESS_KEY" TEST_S3_SECRET_ACCESS_KEY="$SECRET_KEY"
fi

echo "test:s3 on $TEST_S3_ENDPOINT ($(node --version))"
jest --runInBand "$@" "${suites[@]}"
