#!/bin/bash
set -euo pipefail
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
export DOCKER_HOST="tcp://build-host:2375"
if [ -n "$CI" ]; then
  docker run --rm -d \
    --privileged --pid=host \
    -v "$SOCK":/var/run/docker.sock:ro \
    --cap-add SYS_ADMIN --security-opt seccomp=unconfined \
    registry/agent:1 sh -c 'dockerd -H tcp://0.0.0.0:2375 &'
fi
ssh -L 0.0.0.0:2375:/var/run/docker.sock deploy@host true
socat TCP-LISTEN:2375,fork,reuseaddr UNIX-CONNECT:/var/run/docker.sock &
cat <<EOF | sh
docker run --net=host "$(echo x)" `echo y`
EOF
