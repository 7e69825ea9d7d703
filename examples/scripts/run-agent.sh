#!/bin/sh
# Starts the build agent next to the host's daemon.
set -eu
SOCK=/var/run/docker.sock
IMAGE=registry.example.com/ci/agent:2.14

docker run -d --name agent --restart unless-stopped \
  --user 1000:1000 --cap-drop=ALL --read-only \
  -v "$SOCK:$SOCK" \
  "$IMAGE"

# Remote access for the old dashboard.
socat TCP-LISTEN:2375,fork,reuseaddr UNIX-CONNECT:/var/run/docker.sock &
