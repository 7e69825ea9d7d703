#!/usr/bin/env bash
# A private Docker daemon for the end-to-end host test, as the shared reference `reference/real-daemon.md`
# describes: its own socket, data and exec roots, no registry, six test containers (a socket mount,
# privileged, host PID, SYS_ADMIN, seccomp unconfined, and a hardened one).
#   scripts/test-daemon.sh start DIR   -> prints the socket path; DIR/docker.sock answers
#   scripts/test-daemon.sh stop DIR    -> removes the containers, stops the daemon
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
docker_cli=/usr/bin/docker  # Debian's client; another may be first on PATH
image=sockaudit-test-busybox
containers=(sa-socket sa-privileged sa-pidhost sa-sysadmin sa-seccomp sa-hardened)

dockerd_path() {
    for candidate in /usr/bin/dockerd /usr/sbin/dockerd; do
        if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    return 1
}

cli() { "$docker_cli" -H "unix://$dir/docker.sock" "$@"; }

wait_for_daemon() {
    local pid=$1
    for _ in $(seq 1 100); do
        if cli version >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
        sleep 0.2
    done
    return 1
}

start_daemon() {
    local driver=$1
    # --debug logs every API call ("Calling GET /v1.41/info"): the test reads it to prove the audit
    # sent nothing but GET.
    "$(dockerd_path)" --debug --iptables=false --ip6tables=false --ip-forward=false --bridge=none \
        --storage-driver="$driver" --data-root "$dir/data" --exec-root "$dir/exec" \
        --pidfile "$dir/dockerd.pid" --config-file "$dir/daemon.json" \
        -H "unix://$dir/docker.sock" >"$dir/dockerd-$driver.log" 2>&1 &
    echo $!
}

start() {
    if ! dockerd_path >/dev/null || [ ! -x /bin/busybox ] || [ ! -x "$docker_cli" ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io busybox-static >/dev/null
    fi
    if [ -f "$dir/dockerd.pid" ] && kill -0 "$(cat "$dir/dockerd.pid")" 2>/dev/null; then
        echo "a test daemon already runs for $dir" >&2
        exit 1
    fi
    mkdir -p "$dir/data" "$dir/exec"
    # Keep the daemon's files out of /etc/docker and the shared cgroup tree.
    printf '{"deprecated-key-path": "%s/key.json", "cgroup-parent": "sockaudit-test"}\n' "$dir" >"$dir/daemon.json"

    local pid
    pid=$(start_daemon overlay2)
    if ! wait_for_daemon "$pid"; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        rm -rf "$dir/data" && mkdir -p "$dir/data"
        pid=$(start_daemon vfs)
        wait_for_daemon "$pid" || { cat "$dir"/dockerd-*.log >&2; exit 1; }
    fi

    # A 2 MB image from busybox-static, without a registry.
    local rootfs="$dir/rootfs"
    rm -rf "$rootfs" && mkdir -p "$rootfs/bin" "$rootfs/tmp"
    cp /bin/busybox "$rootfs/bin/busybox"
    for applet in $(/bin/busybox --list); do
        [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
    done
    tar -C "$rootfs" -c . | cli import -c 'CMD ["/bin/sleep","infinity"]' - "$image" >/dev/null

    # The socket bound to the standard place inside (never the host's /var/run/docker.sock).
    cli run -d --name sa-socket --network none -v "$dir/docker.sock:/var/run/docker.sock" "$image" >/dev/null
    # Privileged cannot start on machines without CAP_SYS_RESOURCE in the bounding set: created is enough.
    cli create --name sa-privileged --network none --privileged "$image" >/dev/null
    cli start sa-privileged >/dev/null 2>&1 || echo "note: sa-privileged created, not started (as expected here)" >&2
    cli run -d --name sa-pidhost --network none --pid host "$image" >/dev/null
    cli run -d --name sa-sysadmin --network none --cap-add SYS_ADMIN "$image" >/dev/null
    cli run -d --name sa-seccomp --network none --security-opt seccomp=unconfined "$image" >/dev/null
    cli run -d --name sa-hardened --network none --read-only --cap-drop ALL \
        --security-opt no-new-privileges --user 1000:1000 --memory 64m --cpus 0.5 --pids-limit 64 "$image" >/dev/null
    echo "$dir/docker.sock"
}

stop() {
    if [ -S "$dir/docker.sock" ]; then
        # Remove first: `sleep` as PID 1 ignores SIGTERM, which would cost 12 s at shutdown.
        cli rm -f "${containers[@]}" >/dev/null 2>&1 || true
    fi
    if [ -f "$dir/dockerd.pid" ]; then
        local pid
        pid=$(cat "$dir/dockerd.pid")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
    fi
    for ns in "$dir"/exec/netns/*; do
        if [ -e "$ns" ]; then umount "$ns" 2>/dev/null || true; fi
    done
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
