#!/bin/sh
# fetch.sh — download and unpack the Debian source packages listed in
# packages.txt into a cache outside the repository (default
# ~/.cache/refcheck-real), so run.sh can analyse them. Third-party sources
# are never committed. Packages whose tarball the archive does not serve
# (404) are reported and skipped; the rest go on.
#
#   scripts/real-world/fetch.sh [CACHE_DIR]
#
# Needs root for enabling deb-src (a fresh machine lists binaries only) and
# for installing python3.11-dev (pyconfig.h) and the -dev headers of the
# libraries the extensions bind.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-${REFCHECK_REAL_CACHE:-$HOME/.cache/refcheck-real}}
mkdir -p "$cache/dl" "$cache/src"

if ! grep -q 'deb-src' /etc/apt/sources.list.d/debian.sources 2>/dev/null &&
   ! grep -q '^Types: deb deb-src' /etc/apt/sources.list.d/debian.sources 2>/dev/null; then
	sed -i 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources
	apt-get update -qq
fi
# Headers the extensions include (Debian package names); CPython's _dbmmodule.c,
# _gdbmmodule.c and socketmodule.c need the gdbm and bluetooth ones to parse.
apt-get install -y -qq --no-install-recommends python3.11-dev libpq-dev libdbus-1-dev \
	libsystemd-dev libhiredis-dev liblz4-dev libcups2-dev libattr1-dev libacl1-dev \
	libffi-dev libldap2-dev libsasl2-dev libmariadb-dev libbrotli-dev libzstd-dev \
	libglib2.0-dev libcurl4-openssl-dev liblzo2-dev libfuse-dev libkrb5-dev \
	libsmbclient-dev libgammu-dev libsnappy-dev libgdbm-dev libgdbm-compat-dev \
	libbluetooth-dev >/dev/null 2>&1 || echo "fetch: some -dev packages did not install" >&2

grep -v '^#' "$here/packages.txt" | while read -r name version rest; do
	[ -n "$name" ] || continue
	dest="$cache/src/$name"
	if [ -f "$dest/.done" ]; then
		echo "fetch: $name: cached"
		continue
	fi
	rm -rf "$dest" && mkdir -p "$dest"
	(cd "$cache/dl" && apt-get source --download-only "$name" >"$dest.log" 2>&1)
	orig=$(ls "$cache/dl/${name}_"*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1)
	if [ -z "$orig" ]; then
		echo "fetch: $name $version: no orig tarball ($(grep -o ' 404 .*Not Found' "$dest.log" | head -1 | sed 's/^ *//' || echo 'see the log'))" >&2
		rm -rf "$dest"
		continue
	fi
	tar xf "$orig" -C "$dest" --strip-components=1 && touch "$dest/.done" &&
		echo "fetch: $name $version: $(basename "$orig")"
done
