#!/usr/bin/env bash
# Starts a throwaway radosgw under the given directory on free ports with fresh keys (scripts/radosgw-start.sh)
# and writes `DIR/s3.env`, the TEST_S3_* variables that point the S3 suites at it. Stop it with
# scripts/radosgw-stop.sh DIR. Used by scripts/test-s3.sh, and by .ci/run to start it while other steps run.
set -euo pipefail
cd "$(dirname "$0")/.."
RGW_DIR=${1:?usage: radosgw-up.sh RGW_DIR}
export RGW_DIR
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
cat > "$RGW_DIR/s3.env" <<ENV
export TEST_S3_ENDPOINT="http://127.0.0.1:$RGW_PORT" TEST_S3_ACCESS_KEY_ID="$ACCESS_KEY" TEST_S3_SECRET_ACCESS_KEY="$SECRET_KEY"
ENV
