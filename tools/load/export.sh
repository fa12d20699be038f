#!/usr/bin/env bash
# The Excel exports downloaded from a database the load run kept (KEEP=1 WORK=… tools/load/run.sh): for each — 结项管理
# (every project), 审计日志 (the whole log), 结项公示 (the year of the populator's certificate) — the first byte, the
# whole download, its size and rows, and the portal's memory while it is written (VmRSS sampled every 0.1 s against
# the figure before the request), RUNS times each. Then one 结项管理 export abandoned by its client after its first
# 64 KiB, and what the portal logged about it.
#
#   WORK=/tmp/bzload-perf tools/load/export.sh 20000 [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
KEEP=1 # the databases are the run's: never removed here
. tools/load/lib.sh
NAME=$1 RUNS=${2:-3}

build_tools
CODES="$WORK/codes-$NAME.txt"
YEAR=$(code_of certificate | grep -o '〔[0-9]*〕' | tr -d '〔〕')
start_portal "$NAME"
wait_for_quiet_data "$NAME"
admin=$(sign_in admin)
curl -s -o /dev/null -H "Cookie: $admin" "$BASE/Programme"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $PROVIDER, $NAME projects"

export_once() { # $1 = label, $2 = path
  local file="$WORK/export.xlsx" before peak after status first total bytes rows sampler
  before=$(rss_kib "$PID")
  ( while kill -0 "$PID" 2>/dev/null; do rss_kib "$PID"; sleep 0.1; done ) >"$WORK/rss-export.txt" &
  sampler=$!
  read -r status first total bytes < <(curl -s -o "$file" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
    -H "Cookie: $admin" "$BASE$2")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/rss-export.txt" | tail -1)
  after=$(rss_kib "$PID")
  rows=$(python3 -c '
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(z.read("xl/worksheets/sheet1.xml").count(b"<x:row ") + z.read("xl/worksheets/sheet1.xml").count(b"<row ") - 1)' "$file" 2>/dev/null || echo "?")
  printf '%-10s HTTP %s  first byte %6.3f s  whole %6.3f s  %5d KiB  %6s rows  RSS %4d MiB before, peak +%d MiB, %4d MiB after\n' \
    "$1" "$status" "$first" "$total" $((bytes / 1024)) "$rows" $((before / 1024)) $(((peak - before) / 1024)) $((after / 1024))
}

for run in $(seq 1 "$RUNS"); do
  echo "Run $run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  export_once 结项管理 "/Programme?handler=Export"
  export_once 审计日志 "/Admin/Audit?handler=Export"
  export_once 结项公示 "/Admin/Announcements?handler=Xlsx&year=$YEAR"
done

# A client that leaves after the first 64 KiB: the portal should log the request as 499 at information, no error.
errors_before=$(cat "$WORK/logs-$NAME"/* | grep -c '\[ERR\]' || true)
curl -s -N -H "Cookie: $admin" "$BASE/Programme?handler=Export" | head -c 65536 >/dev/null || true
for _ in $(seq 1 100); do
  grep -h 'GET /Programme responded' "$WORK/logs-$NAME"/* | tail -1 | grep -qv 'responded 200' && break
  sleep 0.1
done
errors_after=$(cat "$WORK/logs-$NAME"/* | grep -c '\[ERR\]' || true)
echo "abandoned after 64 KiB: $(grep -h 'GET /Programme responded' "$WORK/logs-$NAME"/* | tail -1 | sed 's/.*: HTTP/HTTP/'); [ERR] lines logged: $((errors_after - errors_before))"
stop_portal
