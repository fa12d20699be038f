#!/usr/bin/env bash
# 结项管理 and 项目登记 searched for rare and common terms of one, two and more characters on a database the load run
# kept (KEEP=1 WORK=… tools/load/run.sh), each beside /healthz on the same instance (docs/benchmarks.md, "Search by index").
#
#   WORK=/tmp/bzload-perf2 tools/load/search.sh 20000 [DURATION]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tools/load/lib.sh
DB=${1:-20000}; DURATION=${2:-5s}
NO_BUILD=${NO_BUILD:-} build_tools
start_portal "$DB"
trap stop_portal EXIT
admin=$(sign_in admin)
CODES="$WORK/codes-$DB.txt"
rare=$(code_of rare_name)
echo "load $(cut -d' ' -f1-3 /proc/loadavg) before; rare name: $rare"
for path in /healthz "/Programme?q=$(urlencode "$rare")" "/Programme?q=$(urlencode "${rare:0:2}")" "/Programme?q=$(urlencode "${rare:1:1}")" \
    "/Programme?q=$(urlencode 研究)" "/Programme?q=$(urlencode 乡村振兴)" "/Programme?q=2024" "/Programme?q=bz" \
    "/Admin/Projects?q=$(urlencode "$rare")" "/Admin/Projects?q=$(urlencode 研究)"; do
  curl -s -o /dev/null -H "Cookie: $admin" "$BASE$path"   # the first view counts; later ones are what is measured
  out=$(wrk -t2 -c8 -d"$DURATION" --latency -H "Cookie: $admin" "$BASE$path")
  printf '%-40s %8s req/s  p50 %-9s p99 %s\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$path")" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) after"
