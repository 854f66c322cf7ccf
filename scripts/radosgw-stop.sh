#!/usr/bin/env bash
# Stops what scripts/radosgw-start.sh started under the given directory and removes the directory.
# SIGKILL to all three at once on purpose: the cluster is memstore and thrown away, and a graceful stop in
# order (radosgw, OSD, mon) takes ~5.5 s here, one after the other even with SIGKILL ~2 s each.
set -uo pipefail
D=${1:?usage: radosgw-stop.sh RGW_DIR}
pids=()
for pidfile in "$D"/run/*.pid; do
  [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
done
if [ ${#pids[@]} -gt 0 ]; then
  kill -9 "${pids[@]}" 2>/dev/null
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  done
fi
rm -rf "$D"
