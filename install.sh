#!/bin/sh
# Installs promise on Linux or macOS: picks the archive for this computer,
# checks its SHA-256 against the release's SHA256SUMS, and puts `promise` in
# ~/.local/bin (or PROMISE_INSTALL). Nothing is installed if a check fails.
#
#   curl -fsSL <the release's address>/install.sh | sh
#
# The copy attached to each release downloads from that release. Set
# PROMISE_FROM to download from elsewhere (a mirror, or a folder a council
# keeps its own copies in, served over https).
set -eu

default_from=""
from="${PROMISE_FROM:-$default_from}"
into="${PROMISE_INSTALL:-$HOME/.local/bin}"

fail() {
  printf 'promise installer: %s\n' "$*" >&2
  exit 1
}

[ -n "$from" ] || fail "say where to download promise from: PROMISE_FROM=<a release's download address> sh install.sh"
case "$from" in
  https://*) ;;
  # Only this computer may be asked in the clear (a test, or a local mirror).
  http://127.0.0.1[:/]* | http://localhost[:/]*) ;;
  *) fail "$from is not an https address: promise is only downloaded over https" ;;
esac

os=$(uname -s)
arch=$(uname -m)
case "$os" in
  Linux) system=unknown-linux-musl ;;
  Darwin) system=apple-darwin ;;
  *) system="" ;;
esac
case "$arch" in
  x86_64 | amd64) machine=x86_64 ;;
  aarch64 | arm64) machine=aarch64 ;;
  *) machine="" ;;
esac
if [ -z "$system" ] || [ -z "$machine" ]; then
  fail "there is no promise binary for $os on $arch. Build it from its source instead: install Rust (https://rustup.rs), then run \`cargo install --locked --path .\` in a copy of promise's source."
fi
target="$machine-$system"
archive="promise-$target.tar.gz"

download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    fail "this computer has neither curl nor wget: install one of them and run this again"
  fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  else
    fail "this computer cannot work out a SHA-256 (no sha256sum or shasum), so the download cannot be checked"
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

echo "Downloading $archive from $from"
download "$from/$archive" "$work/$archive" || fail "could not download $from/$archive: is the address right, and is this computer online?"
download "$from/SHA256SUMS" "$work/SHA256SUMS" || fail "could not download $from/SHA256SUMS, so the download cannot be checked"

expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
[ -n "$expected" ] || fail "SHA256SUMS has no line for $archive, so it cannot be checked. Nothing was installed."
actual=$(sha256 "$work/$archive")
if [ "$actual" != "$expected" ]; then
  fail "$archive is not the file the release lists (its SHA-256 is $actual, the release says $expected): it was damaged or changed on the way. Nothing was installed."
fi

tar -xzf "$work/$archive" -C "$work"
mkdir -p "$into"
# Put in place whole, so a promise that is running is never half replaced.
cp "$work/promise-$target/promise" "$into/.promise.new"
chmod 755 "$into/.promise.new"
mv -f "$into/.promise.new" "$into/promise"

echo "Installed $("$into/promise" --version) as $into/promise"
case ":$PATH:" in
  *":$into:"*) ;;
  *) echo "$into is not on your PATH: add it (for example, in ~/.profile: export PATH=\"$into:\$PATH\"), or run $into/promise" ;;
esac
