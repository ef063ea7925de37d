#!/bin/sh
# Builds the site on a web host (GitHub Pages, GitLab Pages, Netlify,
# Cloudflare Pages) with the promise this site pins: downloaded once into the
# host's build cache and checked, then the live site's record of what its
# leaflets printed merged in, then content/ built into public/.
#
# Written by `promise new`. To move to a newer promise, change `version` (and
# `sha256`, from that release's SHA256SUMS, for the
# promise-x86_64-unknown-linux-musl.tar.gz line).
set -eu

version="{{version}}"
# Left empty, the archive is checked against the release's SHA256SUMS.
sha256=""
releases="{{releases}}"

archive="promise-x86_64-unknown-linux-musl.tar.gz"
cache="${PROMISE_CACHE:-${NETLIFY_CACHE_DIR:-.cache}/promise}/$version"

fail() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}

if [ ! -x "$cache/promise" ]; then
  mkdir -p "$cache"
  echo "Downloading promise $version"
  curl -fsSL -o "$cache/$archive" "$releases/$version/$archive" ||
    fail "could not download $releases/$version/$archive: check version and releases at the top of build.sh"
  expected="$sha256"
  if [ -z "$expected" ]; then
    curl -fsSL -o "$cache/SHA256SUMS" "$releases/$version/SHA256SUMS" ||
      fail "could not download the release's SHA256SUMS, so promise cannot be checked"
    expected=$(awk -v name="$archive" '$2 == name { print $1 }' "$cache/SHA256SUMS")
  fi
  actual=$(sha256sum "$cache/$archive" | cut -d ' ' -f 1)
  if [ -z "$expected" ] || [ "$actual" != "$expected" ]; then
    rm -f "$cache/$archive"
    fail "$archive is not the file release $version lists (SHA-256 $actual): nothing was built, and the live site is as it was"
  fi
  tar -xzf "$cache/$archive" -C "$cache" --strip-components=1
fi

# What the live site's leaflets printed, so no build forgets an address that
# is on paper somewhere. The first build of a site has nothing to fetch.
site=$(sed -n 's/^base_url *= *"\([^"]*\)".*/\1/p' content/site.toml | head -n 1)
if [ -n "$site" ] && curl -fsSL -o "$cache/printed.toml" "${site%/}/leaflets/printed.toml" 2>/dev/null; then
  "$cache/promise" printed merge "$cache/printed.toml"
fi

"$cache/promise" build
