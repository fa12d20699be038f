#!/usr/bin/env bash
# Cold start: the time from launching the portal to its first /healthz 200, and the CPU-seconds it used by then,
# REPEATS times on an existing database the load run kept (KEEP=1) and on a new one (created, migrated, seeded).
# The portal measured is published as the Dockerfile publishes it (for this platform, ReadyToRun) into $WORK/publish;
# BUILD_OUTPUT=1 measures the plain Release build the other load tools run instead.
#
#   WORK=/tmp/bzload-perf tools/load/start.sh 20000 [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
KEEP=1
. tools/load/lib.sh
NAME=$1 REPEATS=${2:-3}
build_tools
if [ -z "${BUILD_OUTPUT:-}" ]; then
  [ -n "${NO_BUILD:-}" ] || dotnet publish -c Release --ucr --self-contained false -v q --nologo -o "$WORK/publish" src/BaZhouTalent.Web >/dev/null
  WEB_DLL="$WORK/publish/BaZhouTalent.Web.dll"
fi
echo "measuring $WEB_DLL; load average $(cut -d' ' -f1-3 /proc/loadavg)"

first_200() { # $1 = database name; prints seconds and CPU-seconds to the first 200
  local started
  started=$(date +%s.%N)
  (cd "$ROOT/src/BaZhouTalent.Web" && exec env $(portal_env "$1") dotnet "$WEB_DLL" --urls "$BASE") >"$WORK/start-$1.out" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "$BASE/healthz" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "portal exited; see $WORK/start-$1.out" >&2; exit 1; }
    sleep 0.02
  done
  echo "$(echo "$(date +%s.%N) - $started" | bc -l | xargs printf '%.2f') s, $(cpu_seconds "$PID") CPU-s (load $(cut -d' ' -f1 /proc/loadavg))"
  stop_portal
}

for i in $(seq 1 "$REPEATS"); do
  echo "existing database ($NAME projects), run $i: $(first_200 "$NAME")"
done
for i in $(seq 1 "$REPEATS"); do
  mkdir -p "$WORK/projects-new$i"
  echo "new database, run $i: $(first_200 "new$i")"
done
