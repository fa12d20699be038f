# Shared by the load tools (run.sh, archive.sh, start.sh): build, databases of either provider, the portal process.
# Sourced from the repository root; sets ROOT-relative paths, WORK (a temporary folder) and BASE (loopback only).
PROVIDER=${PROVIDER:-Sqlite}     # Sqlite or PostgreSql
PORT=${PORT:-5099}
BASE="http://127.0.0.1:$PORT"
WORK=${WORK:-$(mktemp -d /tmp/bzload.XXXXXX)}
mkdir -p "$WORK"
WEB_DLL=${WEB_DLL:-"$ROOT/src/BaZhouTalent.Web/bin/Release/net10.0/BaZhouTalent.Web.dll"}
LOAD_DLL="$ROOT/tools/load/BaZhouTalent.LoadData/bin/Release/net10.0/BaZhouTalent.LoadData.dll"
PID=""
OTHER_PIDS=""   # portals kept running beside PID (run.sh LOCKSTEP=1), stopped with it
PG_DATA=""

build_tools() { # NO_BUILD=1: use the Release build already there (a second tool beside a running load run)
  if [ -z "${NO_BUILD:-}" ]; then
    dotnet build -c Release -v q --nologo src/BaZhouTalent.Web >/dev/null
    dotnet build -c Release -v q --nologo tools/load/BaZhouTalent.LoadData >/dev/null
  fi
  # Outside Development the portal needs a certificate for its sign-in keys (DataProtection:CertificatePath).
  if [ ! -f "$WORK/dataprotection.pfx" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=BaZhouTalent-load -keyout "$WORK/k.pem" -out "$WORK/c.pem" 2>/dev/null
    openssl pkcs12 -export -inkey "$WORK/k.pem" -in "$WORK/c.pem" -out "$WORK/dataprotection.pfx" -passout pass:load
  fi
}

cleanup() {
  stop_portal
  if [ -n "$PG_DATA" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A throw-away cluster as the tests make one (Debian's postgresql, owned by the postgres account), started on first use.
start_postgresql() {
  [ -n "$PG_DATA" ] && return 0
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_PORT=$((PORT + 1000))
  PG_DATA="$WORK/pg/data"
  mkdir -p "$WORK/pg"; chown postgres:postgres "$WORK/pg"; chmod 755 "$WORK"
  # A kept work folder (KEEP=1) keeps its cluster: started again, not made again.
  [ -f "$PG_DATA/PG_VERSION" ] || runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
  # fsync off: the cluster lives for one run; the pages measured read, they do not wait on the disk.
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w start \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=256MB" >/dev/null
}

connection_for() { # $1 = database name (projects)
  if [ "$PROVIDER" = PostgreSql ]; then echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=load_$1"
  else echo "DataSource=$WORK/projects-$1/portal.db"; fi  # no space: portal_env is split on spaces
}

portal_env() { # $1 = database name; /verify's limit per client address (30 a minute) is raised: wrk is one address
  echo ASPNETCORE_ENVIRONMENT=Production Seeding__DemoData=true Database__FirstTimeSetup=true \
    Database__Provider="$PROVIDER" ConnectionStrings__Default="$(connection_for "$1")" \
    Portal__PublicBaseUrl="$BASE" DataProtection__CertificatePath="$WORK/dataprotection.pfx" DataProtection__CertificatePassword=load \
    Backup__Daily=false Logs__Directory="$WORK/logs-$1" Throttling__VerifyPerClient__PermitLimit=100000000 ${PORTAL_ENV:-}
}

start_portal() { # $1 = database name; the admin signs in without a second factor (an empty list of roles that need one)
  # A portal left running on the port would answer for the new one (which could not bind it): refuse to measure that.
  if curl -fs "$BASE/healthz" >/dev/null 2>&1; then echo "port $PORT is already answering: stop the portal there first" >&2; exit 1; fi
  (cd "$ROOT/src/BaZhouTalent.Web" && exec env $(portal_env "$1") dotnet "$WEB_DLL" --urls "$BASE" \
    "--Security:TwoFactor:RequiredRoles:0=") >"$WORK/portal-$1.out" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "portal did not start; see $WORK/portal-$1.out" >&2; exit 1
}

stamp_of() { # $1 = database name: the data-change stamp (moves with every write)
  if [ "$PROVIDER" = PostgreSql ]; then
    runuser -u postgres -- "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -At -d "load_$1" -c 'SELECT "Version" FROM "DataStamps"'
  else sqlite3 "$WORK/projects-$1/portal.db" 'SELECT Version FROM DataStamps'; fi
}

# After a start on a filled database the portal catches up in the background (自建库查重 checks every submitted
# application once): each check is a write, so kept figures are recomputed again and again and the catch-up takes CPU.
# Pages are measured once the stamp has stood still for 10 s — what a running portal looks like.
wait_for_quiet_data() { # $1 = database name
  local before after started=$SECONDS
  after=$(stamp_of "$1")
  while true; do
    before=$after; sleep 10; after=$(stamp_of "$1")
    [ "$before" = "$after" ] && break
  done
  echo "Background catch-up over after $((SECONDS - started)) s (data stamp $after)"
}

stop_portal() {
  local p
  for p in $PID $OTHER_PIDS; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PID=""; OTHER_PIDS=""
}

new_database() { # $1 = name; created, migrated and seeded with the demo data by the portal itself
  if [ "$PROVIDER" = PostgreSql ]; then
    start_postgresql
    # A UTF-8 LC_CTYPE: pg_trgm then indexes Chinese characters (docs/adr/0007).
    runuser -u postgres -- "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -T template0 -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 "load_$1"
  else
    mkdir -p "$WORK/projects-$1"
  fi
  start_portal "$1"
  stop_portal
}

fill_database() { # $1 = name = how many projects
  local started=$SECONDS
  if [ "$PROVIDER" = PostgreSql ]; then
    dotnet "$LOAD_DLL" --postgresql "$(connection_for "$1")" --projects "$1" --codes "$WORK/codes-$1.txt" >"$WORK/load-$1.out"
    # What autovacuum would do within minutes of such a load; done at once so every run measures the same plans.
    runuser -u postgres -- "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -q -d "load_$1" -c "VACUUM ANALYZE" >/dev/null
  else
    dotnet "$LOAD_DLL" --database "$WORK/projects-$1/portal.db" --projects "$1" --codes "$WORK/codes-$1.txt" >"$WORK/load-$1.out"
  fi
  echo "Filled $1 projects in $((SECONDS - started)) s: $(tail -1 "$WORK/load-$1.out")"
  CODES="$WORK/codes-$1.txt"
}

code_of() { awk -F= -v k="$1" '$1==k {print $2}' "$CODES"; }

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# Signs in through the real login form and prints a Cookie header value (read from the jar, so Secure cookies count too).
sign_in() { # $1 = user name
  local jar="$WORK/$1.jar" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=Bz2025demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
  awk 'BEGIN{FS="\t"} !/^# / && NF>=7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar"
}

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# The process's own memory: VmRSS less the files it maps (the SQLite database, mapped up to `PRAGMA mmap_size`, whose
# pages the kernel may drop at any time, and the runtime's libraries).
anon_kib() { awk '/^RssAnon/ {print $2}' "/proc/$1/status"; }

# CPU-seconds (user + system) the process has used so far.
cpu_seconds() { awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$1/stat"; }
