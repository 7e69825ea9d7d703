#!/bin/sh
set -eu

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
	dockerSocket='unix:///var/run/docker.sock'
	if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
		set -- dockerd \
			--host="$dockerSocket" \
			--host=tcp://0.0.0.0:2376 \
			--tlsverify \
			--tlscacert "$DOCKER_TLS_CERTDIR/server/ca.pem" \
			"$@"
	else
		set -- dockerd \
			--host="$dockerSocket" \
			--host=tcp://0.0.0.0:2375 \
			"$@"
	fi
fi

case "${MODE:-}" in
	sock) extra="-v /var/run/docker.sock:/var/run/docker.sock" ;;
	net) extra="--network=host" ;;
	*) extra="" ;;
esac

args=(docker run --rm)
args+=($extra)
[ -n "${PRIV:-}" ] && args+=(--privileged)
summary=$(cat <<EOT
it's "$extra" (with parens)
EOT
)
"${args[@]}" alpine true
shift 2
exec "$@"
