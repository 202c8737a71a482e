#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then deletes the cluster.
#
#   scripts/with-temp-postgres.sh npx vitest run test/server
#
# Starts a cluster in a fresh /tmp directory on a free loopback port (trust auth, no durability:
# it is thrown away), exports DATABASE_URL=postgres://hearth@127.0.0.1:<port>/postgres, runs the
# command, stops and deletes the cluster (also on failure or Ctrl-C), and exits with the command's code.
# Works as root (the server runs as the `postgres` user, or PG_RUN_AS) and as a normal user.
# Binaries: $PG_BIN if set, else the newest /usr/lib/postgresql/*/bin, else initdb on the PATH.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "with-temp-postgres: no PostgreSQL binaries found (install postgresql, or set PG_BIN)" >&2
  exit 1
}
BIN=$(find_bin_dir)

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# PostgreSQL refuses to run as root: run its binaries as another user when we are root.
RUN_AS=""
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=${PG_RUN_AS:-postgres}
  if ! id "$RUN_AS" >/dev/null 2>&1; then RUN_AS=nobody; fi
fi
as_pg() {
  if [ -z "$RUN_AS" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$RUN_AS" -- "$@"
  else
    su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")"
  fi
}

DIR=$(mktemp -d "${TMPDIR:-/tmp}/hearth-pg.XXXXXX")
[ -n "$RUN_AS" ] && chown "$RUN_AS" "$DIR"
STARTED=""

cleanup() {
  local code=$?
  if [ -n "$STARTED" ]; then
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$BIN/initdb" -D "$DIR/data" -U hearth --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}

# A port found free can be taken before the server binds it: try a few.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    STARTED=yes
    break
  fi
  echo "with-temp-postgres: start on port $PORT failed (attempt $attempt)" >&2
done
if [ -z "$STARTED" ]; then
  cat "$DIR/server.log" >&2 || true
  exit 1
fi

export DATABASE_URL="postgres://hearth@127.0.0.1:$PORT/postgres"
echo "with-temp-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $DATABASE_URL" >&2

# In the background with `wait`, so a signal to this script is handled at once and passed on to the command.
"$@" <&0 &
CHILD=$!
forward() {
  kill "-$1" "$CHILD" 2>/dev/null || true
  wait "$CHILD" 2>/dev/null || true
  exit "$2"
}
trap 'forward INT 130' INT
trap 'forward TERM 143' TERM
set +e
wait "$CHILD"
CODE=$?
set -e
exit "$CODE"
