#!/usr/bin/env bash
# Load run for the federation's desk (issue 10): the same pages measured on the demo database and on a database of
# PROJECTS funded projects with their closure applications, the portal built in Release, signed-in traffic driven by
# wrk for a bounded time per page, beside a /healthz baseline in the same run. Prints a Markdown table per database.
#
#   tools/load/run.sh                        # 20,000 projects, 10 s per page, 8 connections
#   PROJECTS=2000 DURATION=5s tools/load/run.sh
#   SAME_ROWS_PROJECTS=2000 tools/load/run.sh   # also a database a tenth the size, where every list still shows
#                                               # full pages: the pages compared at equal rows shown
#
# Only loopback is targeted; every wrk run stops by itself after DURATION.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PROJECTS=${PROJECTS:-20000}
SAME_ROWS_PROJECTS=${SAME_ROWS_PROJECTS:-0}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-2s}
PORT=${PORT:-5099}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/bzload.XXXXXX)
PID=""

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
dotnet build -c Release -v q --nologo src/BaZhouTalent.Web >/dev/null
dotnet build -c Release -v q --nologo tools/load/BaZhouTalent.LoadData >/dev/null
WEB_DLL="$ROOT/src/BaZhouTalent.Web/bin/Release/net10.0/BaZhouTalent.Web.dll"
LOAD_DLL="$ROOT/tools/load/BaZhouTalent.LoadData/bin/Release/net10.0/BaZhouTalent.LoadData.dll"

stop_portal() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap stop_portal EXIT

start_portal() { # $1 = database file
  (cd "$ROOT/src/BaZhouTalent.Web" && ASPNETCORE_ENVIRONMENT=Production Seeding__DemoData=true \
    ConnectionStrings__Default="Data Source=$1" Logs__Directory="$WORK/logs" \
    exec dotnet "$WEB_DLL" --urls "$BASE") >"$WORK/portal.out" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "portal did not start; see $WORK/portal.out" >&2; exit 1
}

# Signs in through the real login form and prints a Cookie header value (read from the jar, so Secure cookies count too).
sign_in() { # $1 = user name
  local jar="$WORK/$1.jar" token
  token=$(curl -s -c "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=Bz2025demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
  awk 'BEGIN{FS="\t"} !/^# / && NF>=7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar"
}

# Warm-up, not recorded: right after start .NET still runs unoptimised (tier-0) code and SQLite's caches are cold, so
# every page is first driven for WARMUP; measuring without it made whichever pages came first look several times slower.
warm() { # $1 = label, $2 = cookie ('' for none), $3 = path
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $2" "$BASE$3" >/dev/null
}

measure() { # $1 = label, $2 = cookie ('' for none), $3 = path
  local size gz out rps p99
  size=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $2" "$BASE$3")
  gz=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -H "Cookie: $2" "$BASE$3")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $2" "$BASE$3")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | `%s` | %s | %s B | %s B | %s | %s |\n' "$1" "$3" "${size%% *}" "${size#* }" "$gz" "$rps" "$p99"
}

run_pages() { # $1 = title
  local admin unit county expert researcher
  admin=$(sign_in admin); unit=$(sign_in unit.bzdx); county=$(sign_in skl.bazhou)
  expert=$(sign_in expert.1); researcher=$(sign_in yangzhuo)
  each_page warm
  echo
  echo "### $1"
  echo
  echo "Load average before the pages: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| who | page | status | size | gzip size | req/s | p99 |"
  echo "|---|---|---|---|---|---|---|"
  each_page measure
  echo
  echo "Load average after the pages: $(cut -d' ' -f1-3 /proc/loadavg)"
}

each_page() { # $1 = warm or measure
  local measure=$1
  "$measure" baseline "" /healthz
  "$measure" 市社科联 "$admin" /
  "$measure" 市社科联 "$admin" /Admin/Projects
  "$measure" 市社科联 "$admin" /Admin/Users
  "$measure" 市社科联 "$admin" "/Admin/Users?role=Researcher&q=load&sort=name&p=40"
  "$measure" 市社科联 "$admin" /Admin/Units
  "$measure" 市社科联 "$admin" /Review/Federation
  "$measure" 市社科联 "$admin" "/Review/Federation?status=FederationReview&q=%E7%A0%94%E7%A9%B6&sort=title"
  "$measure" 市社科联 "$admin" "/?group=intake&p=5"
  "$measure" 市社科联 "$admin" /Programme
  "$measure" 市社科联 "$admin" "/Programme?status=Concluded&sort=submitted&desc=true"
  "$measure" 市社科联 "$admin" /Admin/Dashboard
  "$measure" 单位 "$unit" /Programme
  "$measure" 单位 "$unit" /
  "$measure" 单位 "$unit" /Review/Unit
  "$measure" 县区 "$county" /Review/County
  "$measure" 专家 "$expert" /
  "$measure" 专家 "$expert" /Review/Expert
  "$measure" 负责人 "$researcher" /Projects
  "$measure" 负责人 "$researcher" /applications/BZ25YB027
  "$measure" 负责人 "$researcher" /applications/BZ25YB027/print/a4.pdf
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version); wrk -t2 -c$CONNECTIONS -d$DURATION"

DEMO_DB="$WORK/demo.db"
start_portal "$DEMO_DB"
run_pages "Demo database"
stop_portal

run_generated() { # $1 = how many projects
  local db="$WORK/projects-$1.db"
  start_portal "$db"   # creates, migrates and seeds the demo data the generator builds on
  stop_portal
  dotnet "$LOAD_DLL" --database "$db" --projects "$1" >"$WORK/load-$1.out"
  start_portal "$db"
  run_pages "$1 projects ($(du -h "$db" | cut -f1) database)"
  stop_portal
}

if [ "$SAME_ROWS_PROJECTS" -gt 0 ]; then run_generated "$SAME_ROWS_PROJECTS"; fi
run_generated "$PROJECTS"
echo
echo "Work folder: $WORK"
