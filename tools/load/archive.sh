#!/usr/bin/env bash
# A funding year's 归档 prepared by the portal's background job on a database the load run kept (KEEP=1 WORK=… run.sh),
# driven as the administrator drives it: 生成年度归档包 posted on /Admin/Archive, the page read every 2 s for the job's
# progress (as its script does), the portal's memory sampled every half second against the figure before the start
# (VmRSS, with the CPU-seconds the portal spent), the finished zip downloaded through its 下载 link, its SHA-256 checked
# against the page, and read back as the archive's 说明.txt tells its reader: unpacked, then `sha256sum -c SHA256SUMS`.
# MAX_SECONDS bounds the wait for the job.
#
# The archive copies the PDFs the portal keeps at conclusion, which the generator does not render: first the portal
# renders and keeps one concluded application's set (its project archive is downloaded once), then the generator gives
# every closed application that set (BaZhouTalent.LoadData --share-archive-copies), and a fresh portal is measured.
# SHARED=1 skips that step on a database that already had it. PORTAL_ENV adds variables to the portal's environment
# (e.g. PORTAL_ENV=DOTNET_gcServer=0 for workstation GC).
#
#   WORK=/tmp/bzload-perf PORT=5611 tools/load/archive.sh 20000 2023 [MAX_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
KEEP=1 # the databases are the run's: never removed here
. tools/load/lib.sh
NAME=$1 YEAR=$2 MAX=${3:-1800}
ZIP="$WORK/archive-$NAME-$YEAR.zip"
RSS="$WORK/rss-$NAME-$YEAR.txt"

build_tools
CODES="$WORK/codes-$NAME.txt"
if [ -z "${SHARED:-}" ]; then
  template=$(code_of concluded)
  start_portal "$NAME"
  admin=$(sign_in admin)
  curl -sf -o /dev/null -H "Cookie: $admin" "$BASE/Admin/Archive?handler=Project&code=$template"
  stop_portal
  if [ "$PROVIDER" = PostgreSql ]; then start_postgresql; target=(--postgresql "$(connection_for "$NAME")"); else target=(--database "$WORK/projects-$NAME/portal.db"); fi
  dotnet "$LOAD_DLL" "${target[@]}" --share-archive-copies "$template"
fi
start_portal "$NAME"
admin=$(sign_in admin)

# The newest job of the year as the page shows it: status, progress, the 下载 link and the SHA-256 shown.
job_row() {
  curl -s -H "Cookie: $admin" "$BASE/Admin/Archive" | python3 -c '
import html, re, sys
page, year = sys.stdin.read(), sys.argv[1]
for row in re.findall(r"<tr data-archive-job=\"\d+\">(.*?)</tr>", page, re.S):
    if re.search(r">\s*" + year + r" 年度\s*<", row):
        def first(pattern):
            m = re.search(pattern, row, re.S)
            return html.unescape(m.group(1)).strip() if m else "-"
        print(first(r"data-status>([^<]*)<"), "|", first(r"data-progress>([^<]*)<"), "|",
              first(r"href=\"([^\"]*handler=Download[^\"]*)\""), "|", first(r"<code>([0-9a-f]{64})</code>"), "|", first(r"data-error>([^<]*)<"))
        break
else:
    print("- | - | - | - | -")' "$YEAR"
}

page=$(curl -s -H "Cookie: $admin" "$BASE/Admin/Archive")
token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
before=$(rss_kib "$PID")
cpu_before=$(cpu_seconds "$PID")
anon_before=$(awk '/^RssAnon/ {print $2}' "/proc/$PID/status")
# Per sample: seconds, VmRSS, RssAnon (the heaps: what the process allocated) and RssFile (file pages mapped in: the
# SQLite file read through its memory map, PRAGMA mmap_size, shared with the page cache and given back under pressure).
( while kill -0 "$PID" 2>/dev/null; do echo "$SECONDS $(awk '/^(VmRSS|RssAnon|RssFile)/ {printf "%s ", $2}' "/proc/$PID/status")"; sleep 0.5; done ) >"$RSS" &
SAMPLER=$!
started=$SECONDS
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $admin" --data-urlencode "Input.Year=$YEAR" \
  --data-urlencode "__RequestVerificationToken=$token" "$BASE/Admin/Archive?handler=Start")
[ "$status" = 302 ] || { echo "start answered HTTP $status (a redirect expected)" >&2; exit 1; }
last_said=0
while true; do
  IFS='|' read -r state progress link sha error < <(job_row)
  state=$(echo "$state" | xargs)
  if [ "$state" = 已完成 ] || [ "$state" = 失败 ]; then break; fi
  if [ $((SECONDS - started)) -ge "$MAX" ]; then echo "not finished after $MAX s: $state $progress" >&2; break; fi
  if [ $((SECONDS - last_said)) -ge 30 ]; then echo "  $((SECONDS - started)) s: $state, $(echo "$progress" | xargs), RSS $(($(rss_kib "$PID") / 1024)) MiB"; last_said=$SECONDS; fi
  sleep 2
done
took=$((SECONDS - started))
cpu_after=$(cpu_seconds "$PID")
after=$(rss_kib "$PID")
kill "$SAMPLER" 2>/dev/null || true
peak=$(awk '{print $2}' "$RSS" | sort -n | tail -1)
anon_peak=$(awk '{print $3}' "$RSS" | sort -n | tail -1)
file_peak=$(awk '{print $4}' "$RSS" | sort -n | tail -1)
echo "归档 $YEAR on $NAME projects, background job: $state after ${took} s (page polled every 2 s), $(echo "$progress" | xargs)"
echo "portal RSS: $((before / 1024)) MiB before, peak $((peak / 1024)) MiB (+$(((peak - before) / 1024)) MiB), $((after / 1024)) MiB at the end; of which anonymous (heaps) $((anon_before / 1024)) → peak $((anon_peak / 1024)) MiB (+$(((anon_peak - anon_before) / 1024)) MiB), file-backed peak $((file_peak / 1024)) MiB; CPU $(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.1f", a - b }') s"
if [ "$state" != 已完成 ]; then echo "error shown: $(echo "$error" | xargs)"; stop_portal; exit 1; fi
link=$(echo "$link" | xargs) sha=$(echo "$sha" | xargs)
read -r code first total bytes < <(curl -s -o "$ZIP" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
  -H "Cookie: $admin" "$BASE$link")
# A resumed download: the last MiB asked as a range.
ranged=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $admin" -H "Range: bytes=$((bytes - 1048576))-" "$BASE$link")
stop_portal
echo "download: HTTP $code, first byte ${first} s, ${total} s, $((bytes / 1048576)) MiB; a range of the last MiB: HTTP $ranged bytes"
downloaded=$(sha256sum "$ZIP" | cut -d' ' -f1)
[ "$downloaded" = "$sha" ] && echo "SHA-256 of the download = the one the page shows ($sha)" || { echo "SHA-256 differs: page $sha, file $downloaded" >&2; exit 1; }
rm -rf "$WORK/unzipped"; mkdir -p "$WORK/unzipped"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$WORK/unzipped"
files=$(find "$WORK/unzipped" -type f ! -name SHA256SUMS | wc -l)
lines=$(wc -l <"$WORK/unzipped/SHA256SUMS")
applications=$(find "$WORK/unzipped" -name 审核历史.csv | wc -l)
failed=$( (cd "$WORK/unzipped" && sha256sum -c --quiet SHA256SUMS 2>&1) | wc -l)
echo "read back: $applications applications, $files files besides SHA256SUMS, $lines SHA256SUMS lines, sha256sum -c: $failed failures"
rm -rf "$WORK/unzipped"
