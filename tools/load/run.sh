#!/usr/bin/env bash
# Load run over every page of every role (issues 10 and 25): the portal built in Release, a database of PROJECTS funded
# projects (and one of SAME_ROWS_PROJECTS, a tenth the size, where every list still shows full pages) filled by
# tools/load/BaZhouTalent.LoadData, signed-in traffic driven by wrk for a bounded time per page, beside a /healthz
# baseline on the same instance. Writes one TSV per database and prints the joined Markdown table (tools/load/report.py).
#
#   tools/load/run.sh                                   # SQLite, 20,000 and 2,000 projects, 5 s per page
#   PROVIDER=PostgreSql tools/load/run.sh               # the same on a throw-away PostgreSQL cluster
#   PROJECTS=2000 SAME_ROWS_PROJECTS=0 DURATION=3s tools/load/run.sh   # a quick look
#   KEEP=1 tools/load/run.sh                            # keep the databases (the work folder) for archive.sh / start.sh
#   KEEP=1 FILL_ONLY=1 WORK=/tmp/w tools/load/run.sh    # fill the databases now (slow, any load) …
#   KEEP=1 WORK=/tmp/w tools/load/run.sh                # … and measure them later on a quiet machine (filled ones are reused)
#   SAVE_PAGES=DIR … tools/load/run.sh                   # only save every page's HTML into DIR (tools/compression)
#
# Only loopback is targeted; every wrk run stops by itself after DURATION. The machine's load average is printed
# before and after each database's pages (a shared machine: read the ratios, not the milliseconds).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tools/load/lib.sh

PROJECTS=${PROJECTS:-20000}
SAME_ROWS_PROJECTS=${SAME_ROWS_PROJECTS:-2000}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-2s}
PAGES=${PAGES:-}   # a regular expression: measure only the pages whose label or path matches

for tool in wrk sqlite3; do command -v $tool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool; }; done
build_tools
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(dotnet --version); $PROVIDER; wrk -t2 -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up"
echo "Work folder: $WORK"

# A change saved every half second (全部标为已读 as the researcher: a write that moves the data stamp, as any save does),
# so every kept figure — the dashboard's above all — is stale again and again while the page is measured: the cold page.
start_writer() {
  local jar="$WORK/writer.jar" token
  sign_in yangzhuo >/dev/null
  cp "$WORK/yangzhuo.jar" "$jar"
  token=$(curl -s -b "$jar" "$BASE/Notices" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  ( while true; do
      curl -s -o /dev/null -b "$jar" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Notices?handler=ReadAll"
      sleep 0.5
    done ) &
  WRITER=$!
}
stop_writer() { if [ -n "${WRITER:-}" ]; then kill "$WRITER" 2>/dev/null || true; wait "$WRITER" 2>/dev/null || true; WRITER=""; fi; }

measure() { # $1 = mode (warm|measure), $2 = label, $3 = cookie ('' for none), $4 = path, $5 = writer (cold) or empty
  local mode=$1 label=$2 cookie=$3 path=$4 cold=${5:-}
  if [ -n "$PAGES" ] && ! grep -qE "$PAGES" <<<"$label $path"; then return 0; fi
  if [ -n "${SAVE_PAGES:-}" ]; then # keep each page's HTML as sent uncompressed (tools/compression), measure nothing
    [ "$mode" = measure ] && [ -z "$cold" ] && [ "$path" != /healthz ] && SAVED=$((${SAVED:-0} + 1)) && curl -s -H "Cookie: $cookie" -o "$SAVE_PAGES/$(printf '%02d' "$SAVED")-$(printf '%s' "$path" | tr -c 'A-Za-z0-9' _ | cut -c1-60).html" "$BASE$path"
    return 0
  fi
  [ -n "$cold" ] && start_writer
  if [ "$mode" = warm ]; then
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $cookie" "$BASE$path" >/dev/null
  else
    local status size gz out rps p99 non2xx
    read -r status size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Cookie: $cookie" "$BASE$path")
    gz=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -H "Cookie: $cookie" "$BASE$path")
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    printf '%s\t%s%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$path" "${cold:+ (cold)}" "$status" "$size" "$gz" "$rps" "$p99" "${non2xx:-0}" >>"$TSV"
    printf '  %-6s %-70s %s %8s B %7s req/s p99 %s\n' "$label" "$path${cold:+ (cold)}" "$status" "$size" "$rps" "$p99"
  fi
  [ -n "$cold" ] && stop_writer
  return 0
}

each_page() { # $1 = warm or measure
  local m=$1
  measure "$m" baseline "" /healthz
  # 市社科联
  measure "$m" 市社科联 "$admin" /
  measure "$m" 市社科联 "$admin" "/?group=intake&p=5"
  measure "$m" 市社科联 "$admin" /Notices
  measure "$m" 市社科联 "$admin" "/Notices?unread=true"
  measure "$m" 市社科联 "$admin" /Programme
  measure "$m" 市社科联 "$admin" "/Programme?status=Concluded&sort=submitted&desc=true"
  measure "$m" 市社科联 "$admin" "/Programme?q=$RARE"
  measure "$m" 市社科联 "$admin" "/Programme?q=$COMMON"
  measure "$m" 市社科联 "$admin" /Admin/Dashboard
  measure "$m" 市社科联 "$admin" /Admin/Dashboard cold
  measure "$m" 市社科联 "$admin" "/Admin/Dashboard?year=2024"
  measure "$m" 市社科联 "$admin" /Admin/Projects
  measure "$m" 市社科联 "$admin" "/Admin/Projects?q=$RARE"
  measure "$m" 市社科联 "$admin" /Admin/Users
  measure "$m" 市社科联 "$admin" "/Admin/Users?role=Researcher&q=load&sort=name&p=40"
  measure "$m" 市社科联 "$admin" "/Admin/Users?q=$RARE"
  measure "$m" 市社科联 "$admin" /Admin/Units
  measure "$m" 市社科联 "$admin" /Admin/Experts
  measure "$m" 市社科联 "$admin" /Admin/Announcements
  measure "$m" 市社科联 "$admin" "/Admin/Announcements?year=2024&p=3"
  measure "$m" 市社科联 "$admin" /Admin/Audit
  measure "$m" 市社科联 "$admin" "/Admin/Audit?q=$RARE"
  measure "$m" 市社科联 "$admin" /Admin/Archive
  measure "$m" 市社科联 "$admin" /Admin/Backups
  measure "$m" 市社科联 "$admin" /Admin/Windows
  measure "$m" 市社科联 "$admin" /Review/Federation
  measure "$m" 市社科联 "$admin" "/Review/Federation?status=FederationReview&q=$COMMON&sort=title"
  measure "$m" 市社科联 "$admin" "/Review/Act/$INTAKE_CODE"
  measure "$m" 市社科联 "$admin" "/Review/History/$CONCLUDED_CODE"
  measure "$m" 市社科联 "$admin" /Requests/Federation
  measure "$m" 市社科联 "$admin" "/applications/$CONCLUDED_CODE"
  measure "$m" 市社科联 "$admin" "/projects/$CONCLUDED_CODE"
  measure "$m" 市社科联 "$admin" /Account/Security
  # 单位
  measure "$m" 单位 "$unit" /
  measure "$m" 单位 "$unit" /Programme
  measure "$m" 单位 "$unit" /Review/Unit
  measure "$m" 单位 "$unit" "/Review/Act/$UNIT_CODE"
  measure "$m" 单位 "$unit" /Requests/Unit
  measure "$m" 单位 "$unit" /Notices
  # 县区
  measure "$m" 县区 "$county" /
  measure "$m" 县区 "$county" /Review/County
  measure "$m" 县区 "$county" /Programme
  measure "$m" 县区 "$county" /Notices
  # 专家
  measure "$m" 专家 "$expert" /
  measure "$m" 专家 "$expert" /Review/Expert
  measure "$m" 专家 "$expert" "/Review/Act/$EXPERT_CODE"
  measure "$m" 专家 "$expert" /Notices
  # 负责人
  measure "$m" 负责人 "$researcher" /
  measure "$m" 负责人 "$researcher" /Projects
  measure "$m" 负责人 "$researcher" /applications/BZ25YB027
  measure "$m" 负责人 "$researcher" /projects/BZ25YB027
  measure "$m" 负责人 "$researcher" /Notices
  # anyone
  measure "$m" 公众 "" "/verify?q=$CERTIFICATE"
}

run_pages() { # $1 = projects
  local admin unit county expert researcher
  admin=$(sign_in admin); unit=$(sign_in unit.bzdx); county=$(sign_in skl.bazhou)
  expert=$(sign_in expert.1); researcher=$(sign_in yangzhuo)
  RARE=$(urlencode "$(code_of rare_name)"); COMMON=$(urlencode 研究)
  INTAKE_CODE=$(code_of intake); UNIT_CODE=$(code_of unit_review); EXPERT_CODE=$(code_of expert_review)
  CONCLUDED_CODE=$(code_of concluded); CERTIFICATE=$(urlencode "$(code_of certificate)")
  TSV="$WORK/pages-$PROVIDER-$1.tsv"
  : >"$TSV"
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg) before" >>"$TSV"
  echo "Warming up every page ($WARMUP each)…"
  each_page warm
  echo "Measuring, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  each_page measure
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg) after" >>"$TSV"
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

run_generated() { # $1 = how many projects; a database filled before in the same (kept) work folder is reused
  if [ -s "$WORK/codes-$1.txt" ]; then
    echo "Reusing the $1-project database filled before in $WORK"
    [ "$PROVIDER" = PostgreSql ] && start_postgresql
    CODES="$WORK/codes-$1.txt"
  else
    new_database "$1"
    fill_database "$1"
  fi
  [ -n "${FILL_ONLY:-}" ] && return 0
  start_portal "$1"
  wait_for_quiet_data "$1"
  run_pages "$1"
  stop_portal
}

if [ "$SAME_ROWS_PROJECTS" -gt 0 ]; then run_generated "$SAME_ROWS_PROJECTS"; fi
run_generated "$PROJECTS"
[ -n "${FILL_ONLY:-}${SAVE_PAGES:-}" ] && exit 0
python3 tools/load/report.py "$WORK/pages-$PROVIDER-$PROJECTS.tsv" \
  $([ "$SAME_ROWS_PROJECTS" -gt 0 ] && echo "$WORK/pages-$PROVIDER-$SAME_ROWS_PROJECTS.tsv")
echo
echo "Work folder: $WORK"
