#!/usr/bin/env bash
# Builds what a release ships, into dist/:
#   dist/sockaudit          the release executable, Swift runtime and Foundation linked in statically,
#                           so it runs on a Linux machine with no Swift toolchain (it needs the
#                           glibc and libstdc++ versions printed below, or later: built on Debian 12,
#                           glibc 2.35 and GCC 12's libstdc++, as Debian 12 and Ubuntu 22.04 have);
#   dist/sockaudit.sha256   its checksum, as `sha256sum` writes it;
#   dist/rootfs/            the container image's whole file system: the executable and the C
#                           libraries `ldd` says it loads, nothing else (the Dockerfile copies it).
# Fails when the executable still loads anything from the toolchain, or does not run.
# Usage: scripts/build-release.sh        (from anywhere; takes minutes: a whole-module release build)
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release --static-swift-stdlib --product sockaudit)
swift build "${flags[@]}"
built="$(swift build "${flags[@]}" --show-bin-path)/sockaudit"

rm -rf dist
mkdir -p dist/rootfs/usr/local/bin dist/rootfs/tmp dist/rootfs/src
cp "$built" dist/sockaudit
strip dist/sockaudit

# What the executable loads: only the C runtime of the system, never the toolchain's libraries.
libraries=$(ldd dist/sockaudit | awk '$2 == "=>" { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
if ldd dist/sockaudit | grep -E 'not found|swift|Foundation|libicu|libdispatch|BlocksRuntime'; then
    echo "build-release: dist/sockaudit still loads the libraries above; it would not run without the toolchain" >&2
    exit 1
fi
echo "build-release: dist/sockaudit loads only: $(tr "\n" " " <<<"$libraries")"

# The oldest C runtime it runs on: the newest symbol versions it asks for.
glibc=$(objdump -T dist/sockaudit | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
glibcxx=$(objdump -T dist/sockaudit | grep -o 'GLIBCXX_[0-9.]*' | sort -uV | tail -1)
echo "build-release: dist/sockaudit needs $glibc and $glibcxx or later"

# It runs with an empty library path and no toolchain on PATH.
version=$(env -i LD_LIBRARY_PATH= PATH=/usr/bin:/bin dist/sockaudit --version)
echo "build-release: sockaudit $version"

# The image's root: the executable and exactly those libraries (with the loader), at their paths.
cp dist/sockaudit dist/rootfs/usr/local/bin/sockaudit
for library in $libraries; do
    mkdir -p "dist/rootfs$(dirname "$library")"
    cp -L "$library" "dist/rootfs$library"
done
chmod 1777 dist/rootfs/tmp

(cd dist && sha256sum sockaudit >sockaudit.sha256)
cat dist/sockaudit.sha256
