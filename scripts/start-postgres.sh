#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and export TIPKB_TEST_PG.
#
#   source scripts/start-postgres.sh     # sets TIPKB_TEST_PG in this shell
#   bash scripts/start-postgres.sh       # prints the export line
#
# Installs Debian's postgresql when it is missing, keeps its cluster in $TIPKB_PG_DIR (default
# /tmp/tipkb-pg, owned by the postgres user), listens on 127.0.0.1 only, on a free port, with trust
# auth and no fsync (test data). Safe to run again: a server it started that is still up is reused.
# Under CI (CI=true) a failure fails the run; elsewhere it warns and leaves TIPKB_TEST_PG unset, so
# the PostgreSQL tests skip.

_tipkb_pg_start() {
    local dir="${TIPKB_PG_DIR:-/tmp/tipkb-pg}"
    local db="${TIPKB_PG_DB:-tipkb_test}"
    local bin port

    # The server's tools, not only the psql client that some images carry.
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! id postgres >/dev/null 2>&1; then
        echo "start-postgres: installing Debian's postgresql" >&2
        if [ "$(id -u)" != 0 ]; then
            echo "start-postgres: not root, cannot apt-get install postgresql" >&2
            return 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 || return 1
        apt-get install -y -qq postgresql >&2 || return 1
    fi
    bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

    # Run the server's tools as the postgres user (the server refuses to run as root).
    _as_pg() {
        if [ "$(id -un)" = postgres ]; then "$@"; elif command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    }

    if [ -f "$dir/port" ] && _as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        port=$(cat "$dir/port")
    else
        [ -d "$dir" ] && _as_pg "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1
        rm -rf "$dir"
        mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir" || return 1
        _as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        _as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
        echo "$port" >"$dir/port"
    fi
    if [ "$(_as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$db'")" != 1 ]; then
        _as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" || return 1
    fi
    export TIPKB_TEST_PG="postgresql://postgres@127.0.0.1:$port/$db"
}

if _tipkb_pg_start; then
    echo "export TIPKB_TEST_PG=$TIPKB_TEST_PG"
elif [ "${CI:-}" = true ]; then
    echo "start-postgres: could not start PostgreSQL" >&2
    (return 0 2>/dev/null) && return 1 || exit 1
else
    echo "start-postgres: could not start PostgreSQL; the PostgreSQL tests will skip" >&2
    unset TIPKB_TEST_PG
fi
unset -f _tipkb_pg_start _as_pg
true
