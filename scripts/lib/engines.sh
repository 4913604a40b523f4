# shellcheck shell=bash
# Helpers shared by scripts/test, scripts/cluster and scripts/drill: install Debian's server engines when missing,
# pick free loopback ports, and start/stop private, throw-away PostgreSQL, Redis and HAProxy instances in a temp folder.
# Everything started here is stopped by its own pid or data folder, never by name.

PG_BIN="${PG_BIN:-}"

# Installs the Debian packages given (package:command pairs) whose command is missing.
ensure_packages() {
    local wanted=() pair package command
    for pair in "$@"; do
        package="${pair%%:*}"
        command="${pair#*:}"
        if ! command -v "$command" >/dev/null 2>&1 && [[ ! -x "$command" ]]; then
            wanted+=("$package")
        fi
    done
    if ((${#wanted[@]} == 0)); then return 0; fi
    echo "==> Installing ${wanted[*]} (apt-get)"
    local sudo_cmd=()
    if [[ "$(id -u)" -ne 0 ]]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # The packages' own services are not wanted: the scripts start private instances.
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
}

# The newest installed PostgreSQL's bin folder (Debian keeps initdb and pg_ctl out of PATH).
postgres_bin() {
    if [[ -n "$PG_BIN" ]]; then echo "$PG_BIN"; return; fi
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    if [[ -z "$dir" ]]; then
        ensure_packages postgresql:/usr/lib/postgresql
        dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    fi
    echo "$dir"
}

# A free TCP port on 127.0.0.1 (the kernel picks it; nobody else is listening on it when this returns).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || { local p; p=$((20000 + RANDOM % 20000)); echo "$p"; }
}

# PostgreSQL refuses to run as root: as root, its commands run as the package's `postgres` user.
as_postgres() {
    if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT: initdb + pg_ctl start of a private cluster in DIR/pg (trust auth, loopback only, fsync off).
pg_start() {
    local dir="$1" port="$2" bin
    bin="$(postgres_bin)"
    mkdir -p "$dir/pg"
    if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$dir/pg"; fi
    as_postgres "$bin/initdb" -D "$dir/pg/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 \
        || { cat "$dir/pg/initdb.log" >&2; return 1; }
    # fsync off and no synchronous commit: a throw-away cluster for tests and local clusters, never for real data.
    as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
        -o "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
        start >/dev/null || { cat "$dir/pg/server.log" >&2; return 1; }
}

pg_stop() {
    local dir="$1" bin
    bin="$(postgres_bin)"
    if [[ -f "$dir/pg/data/postmaster.pid" ]]; then
        as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

pg_connection() {
    echo "Host=127.0.0.1;Port=$1;Username=postgres;Include Error Detail=true"
}

# redis_start DIR PORT: a private Redis with no persistence; its pid is in DIR/redis.pid.
redis_start() {
    local dir="$1" port="$2"
    mkdir -p "$dir/redis"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >/dev/null
    local i
    for i in $(seq 1 50); do
        if redis-cli -p "$port" ping >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "Redis did not start on port $port" >&2
    return 1
}

redis_stop() {
    local dir="$1" port="$2"
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    if [[ -f "$dir/redis/redis.pid" ]]; then kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true; fi
}

# haproxy_start DIR FRONT_PORT NAME=PORT...: HAProxy in front of the app nodes on 127.0.0.1:FRONT_PORT. Sticky sessions by
# cookie (a Blazor circuit lives on one node), WebSockets passed through, nodes taken out when /health/ready fails and
# a request for a dead node sent to another (redispatch). Its pid is in DIR/haproxy/haproxy.pid.
haproxy_start() {
    local dir="$1" front="$2" node name port
    shift 2
    mkdir -p "$dir/haproxy"
    {
        cat <<CFG
global
    maxconn 2000
    pidfile $dir/haproxy/haproxy.pid

defaults
    mode http
    option redispatch
    # The nodes see the caller's address (per-address sign-in and API limits), not the balancer's.
    option forwardfor
    retries 3
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    timeout http-request 30s

frontend admissions
    bind 127.0.0.1:$front
    default_backend nodes

backend nodes
    balance roundrobin
    cookie ADMISSIONS_NODE insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
CFG
        for node in "$@"; do
            name="${node%%=*}"
            port="${node#*=}"
            echo "    server $name 127.0.0.1:$port check cookie $name"
        done
    } >"$dir/haproxy/haproxy.cfg"
    haproxy -c -q -f "$dir/haproxy/haproxy.cfg"
    haproxy -D -f "$dir/haproxy/haproxy.cfg"
}

haproxy_stop() {
    local dir="$1"
    if [[ -f "$dir/haproxy/haproxy.pid" ]]; then kill "$(cat "$dir/haproxy/haproxy.pid")" 2>/dev/null || true; fi
}

# wait_http URL SECONDS: waits until URL answers 200.
wait_http() {
    local url="$1" seconds="$2" i
    for i in $(seq 1 $((seconds * 2))); do
        if curl -fs -o /dev/null --max-time 3 "$url"; then return 0; fi
        sleep 0.5
    done
    echo "$url did not answer within $seconds s" >&2
    return 1
}
