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
#   LOCKSTEP=1 … tools/load/run.sh                       # both sizes' portals up at once, each page on one then the other
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

# Every page of every role, separated by |: label, who is signed in (empty: nobody), path ({…}: a code of the database
# measured) and "cold" for a page measured while a change is saved every half second.
pages() {
  cat <<'PAGES'
baseline||/healthz
市社科联|admin|/
市社科联|admin|/?group=intake&p=5
市社科联|admin|/Notices
市社科联|admin|/Notices?unread=true
市社科联|admin|/Programme
市社科联|admin|/Programme?status=Concluded&sort=submitted&desc=true
市社科联|admin|/Programme?q={rare}
市社科联|admin|/Programme?q={common}
市社科联|admin|/Admin/Dashboard
市社科联|admin|/Admin/Dashboard|cold
市社科联|admin|/Admin/Dashboard?year=2024
市社科联|admin|/Admin/Projects
市社科联|admin|/Admin/Projects?q={rare}
市社科联|admin|/Admin/Users
市社科联|admin|/Admin/Users?role=Researcher&q=load&sort=name&p=40
市社科联|admin|/Admin/Users?q={rare}
市社科联|admin|/Admin/Units
市社科联|admin|/Admin/Experts
市社科联|admin|/Admin/Announcements
市社科联|admin|/Admin/Announcements?year=2024&p=3
市社科联|admin|/Admin/Audit
市社科联|admin|/Admin/Audit?q={rare}
市社科联|admin|/Admin/Archive
市社科联|admin|/Admin/Backups
市社科联|admin|/Admin/Windows
市社科联|admin|/Review/Federation
市社科联|admin|/Review/Federation?status=FederationReview&q={common}&sort=title
市社科联|admin|/Review/Act/{intake}
市社科联|admin|/Review/History/{concluded}
市社科联|admin|/Requests/Federation
市社科联|admin|/applications/{concluded}
市社科联|admin|/projects/{concluded}
市社科联|admin|/Account/Security
单位|unit.bzdx|/
单位|unit.bzdx|/Programme
单位|unit.bzdx|/Review/Unit
单位|unit.bzdx|/Review/Act/{unit_review}
单位|unit.bzdx|/Requests/Unit
单位|unit.bzdx|/Notices
县区|skl.bazhou|/
县区|skl.bazhou|/Review/County
县区|skl.bazhou|/Programme
县区|skl.bazhou|/Notices
专家|expert.1|/
专家|expert.1|/Review/Expert
专家|expert.1|/Review/Act/{expert_review}
专家|expert.1|/Notices
负责人|yangzhuo|/
负责人|yangzhuo|/Projects
负责人|yangzhuo|/applications/BZ25YB027
负责人|yangzhuo|/projects/BZ25YB027
负责人|yangzhuo|/Notices
公众||/verify?q={certificate}
PAGES
}

# One database measured (a "side"): its portal's address, its accounts' cookies, its codes, its TSV.
declare -A SIDE_BASE SIDE_TSV COOKIE CODE
SIDES=()

prepare_side() { # $1 = projects; the portal for it answers at BASE
  local n=$1 who key
  SIDES+=("$n"); SIDE_BASE[$n]=$BASE; SIDE_TSV[$n]="$WORK/pages-$PROVIDER-$n.tsv"
  for who in admin unit.bzdx skl.bazhou expert.1 yangzhuo; do COOKIE[$n:$who]=$(sign_in "$who"); done
  CODES="$WORK/codes-$n.txt"
  for key in rare_name intake unit_review expert_review concluded certificate; do CODE[$n:$key]=$(code_of "$key"); done
  : >"${SIDE_TSV[$n]}"
}

expand() { # $1 = side, $2 = path with {placeholders}
  local path=$2 n=$1
  path=${path//\{rare\}/$(urlencode "${CODE[$n:rare_name]}")}
  path=${path//\{common\}/$(urlencode 研究)}
  path=${path//\{certificate\}/$(urlencode "${CODE[$n:certificate]}")}
  for key in intake unit_review expert_review concluded; do path=${path//\{$key\}/${CODE[$n:$key]}}; done
  printf '%s' "$path"
}

# Each page on every side in turn (warm or measure): with two sides up at once (LOCKSTEP=1) both sizes of a page are
# measured seconds apart, so a machine that slows down slows both.
each_page() { # $1 = warm or measure
  local label who path cold n
  while IFS='|' read -r label who path cold; do
    for n in "${SIDES[@]}"; do
      BASE=${SIDE_BASE[$n]}; TSV=${SIDE_TSV[$n]}
      measure "$1" "$label" "${who:+${COOKIE[$n:$who]}}" "$(expand "$n" "$path")" "$cold"
    done
  done < <(pages)
}

run_pages() { # measures every prepared side
  local n
  for n in "${SIDES[@]}"; do echo "# load $(cut -d' ' -f1-3 /proc/loadavg) before" >>"${SIDE_TSV[$n]}"; done
  echo "Warming up every page ($WARMUP each)…"
  each_page warm
  echo "Measuring ${SIDES[*]} projects, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  each_page measure
  for n in "${SIDES[@]}"; do echo "# load $(cut -d' ' -f1-3 /proc/loadavg) after" >>"${SIDE_TSV[$n]}"; done
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

database_for() { # $1 = how many projects; a database filled before in the same (kept) work folder is reused
  if [ -s "$WORK/codes-$1.txt" ]; then
    echo "Reusing the $1-project database filled before in $WORK"
    if [ "$PROVIDER" = PostgreSql ]; then start_postgresql; fi
  else
    new_database "$1"
    fill_database "$1"
  fi
}

SIZES=$([ "$SAME_ROWS_PROJECTS" -gt 0 ] && echo "$SAME_ROWS_PROJECTS ")$PROJECTS
for n in $SIZES; do database_for "$n"; done
[ -n "${FILL_ONLY:-}" ] && exit 0
if [ -n "${LOCKSTEP:-}" ]; then
  # Both portals up at once, the small one on PORT and the large one on PORT+1; each page measured on one, then the other.
  for n in $SIZES; do
    start_portal "$n"; wait_for_quiet_data "$n"; prepare_side "$n"
    OTHER_PIDS="$OTHER_PIDS $PID"; PID=""; PORT=$((PORT + 1)); BASE="http://127.0.0.1:$PORT"
  done
  run_pages
else
  for n in $SIZES; do
    SIDES=(); start_portal "$n"; wait_for_quiet_data "$n"; prepare_side "$n"; run_pages; stop_portal
  done
fi
stop_portal
[ -n "${SAVE_PAGES:-}" ] && exit 0
python3 tools/load/report.py "$WORK/pages-$PROVIDER-$PROJECTS.tsv" \
  $([ "$SAME_ROWS_PROJECTS" -gt 0 ] && echo "$WORK/pages-$PROVIDER-$SAME_ROWS_PROJECTS.tsv")
echo
echo "Work folder: $WORK"
