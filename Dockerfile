# The sockaudit image: the release executable and the C libraries it loads (glibc, libstdc++,
# libgcc_s, libm, the loader), copied by scripts/build-release.sh into dist/rootfs; no shell, no
# package manager, nothing to pull (FROM scratch needs no registry).
#
#   scripts/build-release.sh && docker build -t sockaudit .
#   docker run --rm -v "$PWD:/src:ro" sockaudit scan /src
#
# The Swift runtime and Foundation are linked into the executable statically; glibc is not (Swift
# on Linux links it dynamically), which is why its libraries come along instead of a distribution.
FROM scratch
COPY dist/rootfs/ /
# Files mounted for a scan only need to be readable; a host audit adds the socket's group
# (docs/host.md: --group-add).
USER 65534:65534
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/sockaudit"]
CMD ["scan", "/src"]
