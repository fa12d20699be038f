#!/usr/bin/env bash
# A funding year's 归档 downloaded from a database the load run kept (KEEP=1 WORK=… tools/load/run.sh): the first
# byte, the bytes and applications received, and the portal's memory while it streams (VmRSS sampled every half
# second against the figure before the request). A download that finishes is read back: every manifest line's SHA-256
# and size checked against its file. MAX_SECONDS bounds the download (a year of 4,000 applications renders for long
# on a small machine); what arrived by then is counted and said.
#
# The archive copies the PDFs the portal keeps at conclusion, which the generator does not render: first the portal
# renders and keeps one concluded application's set (its project archive is downloaded once), then the generator gives
# every closed application that set (BaZhouTalent.LoadData --share-archive-copies), and a fresh portal is measured.
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
CODES="$WORK/codes-$NAME.txt"
template=$(code_of concluded)
start_portal "$NAME"
admin=$(sign_in admin)
curl -sf -o /dev/null -H "Cookie: $admin" "$BASE/Admin/Archive?handler=Project&code=$template"
stop_portal
if [ "$PROVIDER" = PostgreSql ]; then start_postgresql; target=(--postgresql "$(connection_for "$NAME")"); else target=(--database "$WORK/projects-$NAME/portal.db"); fi
dotnet "$LOAD_DLL" "${target[@]}" --share-archive-copies "$template"
start_portal "$NAME"
admin=$(sign_in admin)
curl -s -o /dev/null -H "Cookie: $admin" "$BASE/Admin/Archive"
before=$(rss_kib "$PID") before_anon=$(anon_kib "$PID")
( while kill -0 "$PID" 2>/dev/null; do echo "$(rss_kib "$PID") $(anon_kib "$PID")"; sleep 0.5; done ) >"$WORK/rss-$NAME-$YEAR.txt" &
SAMPLER=$!
read -r status first total bytes < <(curl -s -o "$ZIP" --max-time "$MAX" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
  -H "Cookie: $admin" "$BASE/Admin/Archive?handler=Year&year=$YEAR" || true)
kill "$SAMPLER" 2>/dev/null || true
peak=$(cut -d' ' -f1 "$WORK/rss-$NAME-$YEAR.txt" | sort -n | tail -1)
peak_anon=$(cut -d' ' -f2 "$WORK/rss-$NAME-$YEAR.txt" | sort -n | tail -1)
after=$(rss_kib "$PID") after_anon=$(anon_kib "$PID")
stop_portal
# Applications received: each one's folder holds 审核历史.csv. A whole zip is counted by its directory; a cut one by the
# local headers in its bytes (the directory, which names every file again, comes last and was never sent).
applications=$(python3 -c '
import sys, zipfile
try:
    print(sum(n.endswith("/审核历史.csv") for n in zipfile.ZipFile(sys.argv[1]).namelist()))
except zipfile.BadZipFile:
    n, tail = 0, b""
    with open(sys.argv[1], "rb") as f:
        while chunk := f.read(1 << 24):
            n += (tail + chunk).count("/审核历史.csv".encode()); tail = chunk[-32:]
    print(n)' "$ZIP")
echo "归档 $YEAR on $NAME projects: HTTP $status, first byte ${first} s, ${total} s, $((bytes / 1048576)) MiB, $applications applications received"
echo "portal RSS: $((before / 1024)) MiB before, peak $((peak / 1024)) MiB (+$(((peak - before) / 1024)) MiB), $((after / 1024)) MiB at the end"
echo "of which its own (RssAnon, without mapped files): $((before_anon / 1024)) MiB before, peak $((peak_anon / 1024)) MiB (+$(((peak_anon - before_anon) / 1024)) MiB), $((after_anon / 1024)) MiB at the end"
# Read back as the archive's 说明.txt tells its reader: unpacked, then `sha256sum -c SHA256SUMS`.
if python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1])' "$ZIP" 2>/dev/null; then
  rm -rf "$WORK/unzipped"; mkdir -p "$WORK/unzipped"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$WORK/unzipped"
  files=$(find "$WORK/unzipped" -type f ! -name SHA256SUMS | wc -l)
  lines=$(wc -l <"$WORK/unzipped/SHA256SUMS")
  failed=$( (cd "$WORK/unzipped" && sha256sum -c --quiet SHA256SUMS 2>&1) | wc -l)
  echo "read back: $files files besides SHA256SUMS, $lines SHA256SUMS lines, sha256sum -c: $failed failures"
  rm -rf "$WORK/unzipped"
else
  echo "download cut at MAX_SECONDS: not read back"
fi
