#!/usr/bin/env bash
# Local infrastructure for AnkiRAG: PostgreSQL 15 + pgvector and Redis on loopback,
# installed from Debian packages and run as private instances (own data dirs, own ports);
# with --for-tests also what the tests' peers need (Python venv, Node, Debian's Chromium).
#
# Usage: scripts/infra.sh up [--for-tests]|down|status|env
#   --for-tests  also installs what the integration tests' Anki peer runs: python3 with venv (the real Anki from
#                PyPI, genanki), node and npm (anki-apkg-export), and Chromium with fonts (the web UI's e2e tests)
#
# Config (environment wins over the repo's .env, which wins over the defaults):
#   DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD REDIS_HOST REDIS_PORT REDIS_PASSWORD
#   ANKIRAG_STATE_DIR  where data, sockets and logs live
#                      (default: /var/lib/ankirag as root, ~/.local/share/ankirag otherwise)
#   INFRA_WAIT_SECONDS how long `up` waits for the services (default 30)
#
# Load it into a shell with:  eval "$(scripts/infra.sh env)"
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG_VARS=(DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD REDIS_HOST REDIS_PORT REDIS_PASSWORD)

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
VECTOR_CONTROL="/usr/share/postgresql/$PG_VERSION/extension/vector.control"
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/ankirag-trixie-src.sources
POLICY_RC=/usr/sbin/policy-rc.d

log() { echo "[infra] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- configuration

load_dotenv() {
  local file="$REPO_ROOT/.env" var
  [[ -f $file ]] || return 0
  local -A from_env=()
  for var in "${CONFIG_VARS[@]}"; do
    if [[ -v $var ]]; then from_env[$var]="${!var}"; fi
  done
  set -a
  # shellcheck disable=SC1090
  source "$file"
  set +a
  for var in "${!from_env[@]}"; do printf -v "$var" '%s' "${from_env[$var]}"; done
}

load_config() {
  load_dotenv
  DB_HOST="${DB_HOST:-127.0.0.1}"
  DB_PORT="${DB_PORT:-5434}"
  DB_NAME="${DB_NAME:-ankirag}"
  DB_USER="${DB_USER:-ankirag}"
  DB_PASSWORD="${DB_PASSWORD:-ankirag_secret}"
  REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
  REDIS_PORT="${REDIS_PORT:-6380}"
  REDIS_PASSWORD="${REDIS_PASSWORD:-}"

  # postgres refuses to run as root, so as root the cluster belongs to the `postgres`
  # system user; /root is not traversable for it, hence /var/lib for root.
  if (( EUID == 0 )); then
    STATE_DIR="${ANKIRAG_STATE_DIR:-/var/lib/ankirag}"
  else
    STATE_DIR="${ANKIRAG_STATE_DIR:-$HOME/.local/share/ankirag}"
  fi
  PG_DIR="$STATE_DIR/pg"
  PG_DATA="$PG_DIR/data"
  PG_SOCKET_DIR="$PG_DIR/run"
  PG_LOG="$PG_DIR/postgres.log"
  REDIS_DIR="$STATE_DIR/redis"
  WAIT_SECONDS="${INFRA_WAIT_SECONDS:-30}"
  FOR_TESTS=0
}

# ---------------------------------------------------------------- helpers

as_root() {
  if (( EUID == 0 )); then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# Run a command as the OS user owning the cluster.
as_pg() {
  if (( EUID == 0 )); then (cd / && runuser -u postgres -- "$@")
  else "$@"
  fi
}

# Write stdin to a file (as the given runner) only when the content changed; returns 1 if unchanged.
write_if_changed() {
  local runner="$1" file="$2" content
  content="$(cat)"
  if [[ -f $file ]] && [[ "$(cat "$file" 2>/dev/null)" == "$content" ]]; then return 1; fi
  $runner tee "$file" >/dev/null <<<"$content"
}
run_plain() { "$@"; }

wait_until() {
  local what="$1"; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    (( SECONDS < deadline )) || die "$what did not become ready within ${WAIT_SECONDS}s"
    sleep 0.2
  done
}

CLEANUP_PATHS=()
cleanup() {
  local p
  for p in "${CLEANUP_PATHS[@]}"; do
    rm -rf -- "$p" 2>/dev/null || as_root rm -rf -- "$p" || true
  done
}
trap cleanup EXIT

# ---------------------------------------------------------------- packages

missing_packages() {
  [[ -x $PG_BIN/postgres && -x $PG_BIN/initdb ]] || echo "postgresql-$PG_VERSION"
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || echo redis-server
  if [[ ! -f $VECTOR_CONTROL ]]; then
    [[ -f /usr/include/postgresql/$PG_VERSION/server/postgres.h ]] || echo "postgresql-server-dev-$PG_VERSION"
    command -v gcc >/dev/null && command -v make >/dev/null && command -v dpkg-source >/dev/null \
      || echo build-essential
    command -v xz >/dev/null || echo xz-utils
  fi
  if (( FOR_TESTS )); then
    command -v python3 >/dev/null || echo python3
    python3 -c 'import ensurepip, venv' 2>/dev/null || echo python3-venv
    command -v node >/dev/null || echo nodejs
    command -v npm >/dev/null || echo npm
    # The web UI's end-to-end tests drive Debian's Chromium (playwright-core never downloads a browser).
    [[ -x /usr/bin/chromium ]] || echo chromium
    [[ -d /usr/share/fonts/truetype/liberation ]] || echo fonts-liberation
    # The desktop agent's window is rendered on a virtual X display and screenshotted (AgentWindowIT).
    command -v Xvfb >/dev/null || echo xvfb
  fi
  return 0
}

# The mirror this machine uses for the Debian archive (deb822 or one-line sources).
debian_mirror() {
  local uri
  uri="$(
    {
      grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources \
        | sed -E 's/^[[:space:]]*URIs:[[:space:]]*//' | tr ' ' '\n'
      grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        | sed -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk '{print $1}'
    } | grep -E '/debian(/[0-9]{8}T[0-9]{6}Z)?/?$' | head -n1 || true
  )"
  echo "${uri:-http://deb.debian.org/debian}"
}

# bookworm has no pgvector package; trixie's source package builds fine against PG 15.
# Only deb-src is added, so apt never installs trixie binaries from it.
add_trixie_sources() {
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  if write_if_changed as_root "$TRIXIE_SRC_LIST" <<EOF; then
# Added by AnkiRAG scripts/infra.sh: source packages only, to build pgvector.
Types: deb-src
URIs: $(debian_mirror)
Suites: trixie
Components: main
$([[ -f $keyring ]] && echo "Signed-By: $keyring")
EOF
    log "wrote $TRIXIE_SRC_LIST (deb-src trixie)"
  fi
}

apt_get() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y "$@"; }

# Keep package postinst scripts from starting system-wide services (e.g. redis on 6379).
block_service_starts() {
  as_root test -e "$POLICY_RC" && return 0
  as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY_RC && chmod 755 $POLICY_RC"
  CLEANUP_PATHS+=("$POLICY_RC")
}

build_pgvector() {
  local tmp src sandbox=()
  tmp="$(mktemp -d)"
  CLEANUP_PATHS+=("$tmp")
  # As root apt would warn that _apt cannot write into the private temp dir.
  (( EUID == 0 )) && sandbox=(-o APT::Sandbox::User=root)
  log "fetching pgvector source from trixie"
  (cd "$tmp" && apt-get -q "${sandbox[@]}" source pgvector >/dev/null)
  src="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
  [[ -n $src ]] || die "apt-get source pgvector produced no source tree"
  log "building $(basename "$src")"
  # OPTFLAGS= drops pgvector's default -march=native (as Debian does); no LLVM bitcode needed.
  local make_args=(-C "$src" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= with_llvm=no)
  make "${make_args[@]}" -j"$(nproc)" >/dev/null
  as_root make "${make_args[@]}" install >/dev/null
  [[ -f $VECTOR_CONTROL ]] || die "pgvector install did not produce $VECTOR_CONTROL"
  log "pgvector installed"
}

install_prerequisites() {
  local pkgs need_vector=0
  mapfile -t pkgs < <(missing_packages)
  [[ -f $VECTOR_CONTROL ]] || need_vector=1
  (( ${#pkgs[@]} == 0 && need_vector == 0 )) && return 0

  (( need_vector )) && add_trixie_sources
  log "apt-get update"
  apt_get update >/dev/null
  if (( ${#pkgs[@]} )); then
    log "installing: ${pkgs[*]}"
    block_service_starts
    apt_get install --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
  (( need_vector )) && build_pgvector
  return 0
}

# ---------------------------------------------------------------- postgres

pg_ready() { [[ -x $PG_BIN/pg_isready ]] && "$PG_BIN/pg_isready" -q -h "$DB_HOST" -p "$DB_PORT"; }
# A postmaster killed with SIGKILL can linger as a zombie until reaped, and both pg_ctl and postgres count a
# zombie as a live postmaster. Its lock files are then stale: remove them so that the next start succeeds.
pg_running() {
  [[ -f $PG_DATA/postmaster.pid ]] || return 1
  local pid state
  pid=$(head -n 1 "$PG_DATA/postmaster.pid")
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  if [[ -z $state || $state == Z ]]; then
    log "removing stale postmaster.pid (PID $pid is gone)"
    rm -f "$PG_DATA/postmaster.pid" "$PG_SOCKET_DIR/.s.PGSQL.$DB_PORT.lock"
    return 1
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}
pg_ctl() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

prepare_pg_dirs() {
  mkdir -p "$STATE_DIR"
  if (( EUID == 0 )); then
    chmod 755 "$STATE_DIR"
    install -d -o postgres -g postgres -m 700 "$PG_DIR" "$PG_SOCKET_DIR"
    as_pg test -w "$PG_DIR" \
      || die "user postgres cannot reach $PG_DIR (private parent dir?); set ANKIRAG_STATE_DIR elsewhere"
  else
    install -d -m 700 "$PG_DIR" "$PG_SOCKET_DIR"
  fi
}

init_pg_cluster() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  log "initialising PostgreSQL cluster in $PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  as_pg sh -c "echo \"include_if_exists = 'ankirag.conf'\" >> '$PG_DATA/postgresql.conf'"
}

# Returns 0 if the settings changed.
write_pg_config() {
  write_if_changed as_pg "$PG_DATA/ankirag.conf" <<EOF
# Managed by scripts/infra.sh - rewritten on every 'up'.
listen_addresses = '$DB_HOST'
port = $DB_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
unix_socket_permissions = 0700
password_encryption = scram-sha-256
# The search index (HNSW graph and card rows with their vectors; about 0.5 GB at 100,000 cards) should stay in
# memory: PostgreSQL's 128 MB default made a hybrid query read 10,000 pages from the OS. SSD-like page costs let the
# planner use the full-text GIN index instead of scanning every card; HNSW builds want the graph in memory.
shared_buffers = ${PG_SHARED_BUFFERS:-1GB}
maintenance_work_mem = ${PG_MAINTENANCE_WORK_MEM:-512MB}
random_page_cost = 1.1
effective_io_concurrency = 200
EOF
}

start_postgres() {
  prepare_pg_dirs
  init_pg_cluster
  local changed=0
  write_pg_config && changed=1
  if pg_running; then
    if (( changed )); then
      log "PostgreSQL settings changed, restarting"
      pg_ctl -l "$PG_LOG" -w -m fast restart >/dev/null
    fi
    return 0
  fi
  log "starting PostgreSQL on $DB_HOST:$DB_PORT"
  if ! pg_ctl -l "$PG_LOG" -w -t "$WAIT_SECONDS" start >/dev/null; then
    tail -n 20 "$PG_LOG" >&2 || true
    die "PostgreSQL failed to start (log: $PG_LOG)"
  fi
}

psql_super() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$DB_PORT" -U postgres "$@"
}

# Idempotent: role (password kept in sync with DB_PASSWORD), databases, extension.
provision_postgres() {
  psql_super -d postgres -v user="$DB_USER" -v pw="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN CREATEDB PASSWORD :'pw';
SQL
  local db
  for db in "$DB_NAME" "${DB_NAME}_test" "${DB_NAME}_bench"; do
    psql_super -d postgres -v user="$DB_USER" -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
    psql_super -d "$db" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
SQL
  done
}

stop_postgres() {
  if pg_running; then
    log "stopping PostgreSQL ($PG_DATA)"
    pg_ctl -w -m fast stop >/dev/null
  else
    log "PostgreSQL not running"
  fi
}

# ---------------------------------------------------------------- redis

redis_cli() {
  local auth=()
  [[ -n $REDIS_PASSWORD ]] && auth=(REDISCLI_AUTH="$REDIS_PASSWORD")
  env "${auth[@]}" redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"
}
redis_ready() { command -v redis-cli >/dev/null && [[ "$(redis_cli ping 2>/dev/null)" == PONG ]]; }
redis_down() { ! redis_ready; }

start_redis() {
  redis_ready && return 0
  mkdir -p "$REDIS_DIR"
  chmod 700 "$REDIS_DIR"
  local conf="$REDIS_DIR/redis.conf"
  (umask 077; write_if_changed run_plain "$conf" || true) <<EOF
# Managed by scripts/infra.sh - rewritten on every 'up'.
bind $REDIS_HOST
port $REDIS_PORT
daemonize yes
pidfile $REDIS_DIR/redis.pid
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
save ""
appendonly no
$([[ -n $REDIS_PASSWORD ]] && echo "requirepass \"$REDIS_PASSWORD\"")
EOF
  log "starting Redis on $REDIS_HOST:$REDIS_PORT"
  if ! redis-server "$conf" >/dev/null; then
    tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
    die "Redis failed to start (log: $REDIS_DIR/redis.log)"
  fi
}

stop_redis() {
  if redis_ready; then
    log "stopping Redis ($REDIS_HOST:$REDIS_PORT)"
    redis_cli shutdown nosave >/dev/null 2>&1 || true
    wait_until "Redis shutdown" redis_down
  else
    log "Redis not running"
  fi
}

# ---------------------------------------------------------------- commands

cmd_up() {
  install_prerequisites
  start_postgres
  start_redis
  wait_until "PostgreSQL" pg_ready
  provision_postgres
  wait_until "Redis" redis_ready
  echo "[infra] postgres ready on $DB_HOST:$DB_PORT (db $DB_NAME, ${DB_NAME}_test, ${DB_NAME}_bench, user $DB_USER, data $PG_DATA)"
  echo "[infra] redis    ready on $REDIS_HOST:$REDIS_PORT (dir $REDIS_DIR)"
  log "up done in ${SECONDS}s"
}

cmd_down() {
  stop_postgres
  stop_redis
}

cmd_status() {
  local rc=0
  if pg_ready; then echo "[infra] postgres: running on $DB_HOST:$DB_PORT"
  else echo "[infra] postgres: stopped ($DB_HOST:$DB_PORT)"; rc=1
  fi
  if redis_ready; then echo "[infra] redis:    running on $REDIS_HOST:$REDIS_PORT"
  else echo "[infra] redis:    stopped ($REDIS_HOST:$REDIS_PORT)"; rc=1
  fi
  return "$rc"
}

cmd_env() {
  local var
  for var in "${CONFIG_VARS[@]}"; do printf 'export %s=%q\n' "$var" "${!var}"; done
}

main() {
  load_config
  case "${1:-}" in
    up)
      case "${2:-}" in
        "") ;;
        --for-tests) FOR_TESTS=1 ;;
        *) echo "usage: $0 up [--for-tests]" >&2; exit 2 ;;
      esac
      cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) echo "usage: $0 up [--for-tests]|down|status|env" >&2; exit 2 ;;
  esac
}

main "$@"
