#!/usr/bin/env bash
# A single-node Ceph (1 mon, 1 memstore OSD, no mgr) and radosgw on 127.0.0.1, everything under $RGW_DIR:
# a real S3 server for `npm run test:s3` (scripts/test-s3.sh), without Docker. About 13 s to come up here.
# Needs Debian's radosgw, ceph-mon and ceph-osd (scripts/ensure-radosgw.sh installs them) and curl.
# Usage: RGW_DIR=/tmp/rgw RGW_PORT=7480 MON_PORT=3300 MON_V1_PORT=6789 ACCESS_KEY=K SECRET_KEY=S scripts/radosgw-start.sh
# Stop with scripts/radosgw-stop.sh "$RGW_DIR". Settings that are not obvious (STACK.md §7): `auth … = none` and the
# `ms … mode = crc` lines (else radosgw retries `get_initial_auth_request returned -13` for 300 s and exits), pool
# size one, `osd crush chooseleaf type = 0` (one host).
set -euo pipefail
D=${RGW_DIR:-/tmp/rgw}
RGW_PORT=${RGW_PORT:-7480}
MON_PORT=${MON_PORT:-3300}
MON_V1_PORT=${MON_V1_PORT:-6789}
ACCESS_KEY=${ACCESS_KEY:-rgwtestaccess}
SECRET_KEY=${SECRET_KEY:-rgwtestsecret0123456789}
started=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"; }

mkdir -p "$D"/{run,log,mon,osd,rgw}
FSID=$(cat /proc/sys/kernel/random/uuid)
MON_ADDR="[v2:127.0.0.1:$MON_PORT,v1:127.0.0.1:$MON_V1_PORT]"
C="$D/ceph.conf"
cat > "$C" <<CONF
[global]
fsid = $FSID
mon initial members = a
mon host = $MON_ADDR
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
ms mon service mode = crc
ms service mode = crc
ms cluster mode = crc
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 4294967296
run dir = $D/run
pid file = $D/run/\$name.pid
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
mon data = $D/mon/\$cluster-\$id
osd data = $D/osd/\$cluster-\$id
keyring = $D/keyring
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $D/rgw
CONF
: > "$D/keyring"

monmaptool --create --addv a "$MON_ADDR" --fsid "$FSID" "$D/monmap" >/dev/null
ceph-mon -c "$C" --mkfs -i a --monmap "$D/monmap"
ceph-mon -c "$C" -i a
echo "radosgw-start: mon up after $(elapsed)"

UUID=$(cat /proc/sys/kernel/random/uuid)
ID=$(ceph -c "$C" osd new "$UUID")
mkdir -p "$D/osd/ceph-$ID"
ceph-osd -c "$C" -i "$ID" --mkfs --osd-uuid "$UUID" 2>>"$D/log/osd-mkfs.log"
ceph-osd -c "$C" -i "$ID" 2>>"$D/log/osd-start.log"
for _ in $(seq 1 120); do
  ceph -c "$C" osd stat 2>/dev/null | grep -q '1 up' && break
  sleep 0.25
done
echo "radosgw-start: osd.$ID up after $(elapsed)"

radosgw -c "$C" -n client.rgw.a
for _ in $(seq 1 240); do
  curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/" && break
  sleep 0.25
done
curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/" || { echo "radosgw-start: radosgw never answered (see $D/log)" >&2; exit 1; }
echo "radosgw-start: radosgw answering on 127.0.0.1:$RGW_PORT after $(elapsed)"

radosgw-admin -c "$C" -n client.rgw.a --admin-socket= user create --uid=test --display-name=test \
  --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" > "$D/user.json"
echo "radosgw-start: user created after $(elapsed)"
