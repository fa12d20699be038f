#!/usr/bin/env bash
# A funding year's 归档 downloaded from a database the load run kept (KEEP=1 WORK=… tools/load/run.sh): the first
# byte, the bytes and applications received, and the portal's memory while it streams (VmRSS sampled every half
# second against the figure before the request). A download that finishes is read back: every manifest line's SHA-256
# and size checked against its file. MAX_SECONDS bounds the download (a year of 4,000 applications renders for long
# on a small machine); what arrived by then is counted and said.
#
#   WORK=/tmp/bzload-perf tools/load/archive.sh 20000 2023 [MAX_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
KEEP=1 # the databases are the run's: never removed here
. tools/load/lib.sh
NAME=$1 YEAR=$2 MAX=${3:-300}
ZIP="$WORK/archive-$NAME-$YEAR.zip"

build_tools
start_portal "$NAME"
admin=$(sign_in admin)
curl -s -o /dev/null -H "Cookie: $admin" "$BASE/Admin/Archive"
before=$(rss_kib "$PID")
peak=$before
( while kill -0 "$PID" 2>/dev/null; do rss_kib "$PID"; sleep 0.5; done ) >"$WORK/rss-$NAME-$YEAR.txt" &
SAMPLER=$!
read -r status first total bytes < <(curl -s -o "$ZIP" --max-time "$MAX" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
  -H "Cookie: $admin" "$BASE/Admin/Archive?handler=Year&year=$YEAR" || true)
kill "$SAMPLER" 2>/dev/null || true
peak=$(sort -n "$WORK/rss-$NAME-$YEAR.txt" | tail -1)
after=$(rss_kib "$PID")
stop_portal
applications=$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().count("/审核历史.csv".encode()))' "$ZIP")
echo "归档 $YEAR on $NAME projects: HTTP $status, first byte ${first} s, ${total} s, $((bytes / 1048576)) MiB, $applications applications received"
echo "portal RSS: $((before / 1024)) MiB before, peak $((peak / 1024)) MiB (+$(((peak - before) / 1024)) MiB), $((after / 1024)) MiB at the end"
python3 - "$ZIP" <<'PY'
import hashlib, sys, zipfile
try:
    archive = zipfile.ZipFile(sys.argv[1])
except zipfile.BadZipFile:
    print("download cut at MAX_SECONDS: not read back"); sys.exit(0)
lines = [l.split("  ") for l in archive.read("manifest.txt").decode().split("\n")]
lines = {p[2]: (p[0], int(p[1])) for p in lines if len(p) == 3 and len(p[0]) == 64}
files = [n for n in archive.namelist() if n != "manifest.txt"]
bad = [n for n in files if lines.get(n) != (hashlib.sha256(archive.read(n)).hexdigest(), archive.getinfo(n).file_size)]
print(f"read back: {len(files)} files, {len(lines)} manifest lines, {len(bad)} not matching" + (f": {bad[:5]}" if bad else ""))
PY
