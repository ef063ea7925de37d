#!/usr/bin/env bash
# Times promise against Hugo on the same synthetic sites, on this machine.
#
#   benches/compare.sh            # every shape at 1,000 and 10,000 pages, 5 runs each
#   SHAPES="themes offer" SIZES="1000" RUNS=3 LEAFLET_RUNS=1 benches/compare.sh
#
# The shapes are the sites benches/generate.rs writes: bands (many small
# bands), themes (three bands of very many themes), offer (a local offer of
# thousands of entries), messages (thousands of long messages), languages
# (every file in ten languages) and adults (the youngest band written for
# adults, so every page has findings). For each shape and size it prints the
# median wall time, CPU time (user + system) and peak memory of each tool,
# and the ratio promise/Hugo: first cold, from an empty folder with nothing
# kept from before (as a host builds a fresh clone), then rebuilding into
# the folder the last build wrote (as a council's own computer does).
# Leaflets are off for the comparison (Hugo makes none); the "leaflets cold"
# row is promise's cold build with them. Installs Hugo and GNU time from
# Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SHAPES=${SHAPES:-"bands themes offer messages languages adults"}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
# A cold build with leaflets takes seconds to minutes; it can be run fewer times.
LEAFLET_RUNS=${LEAFLET_RUNS:-$RUNS}
WORK=${WORK:-target/bench-sites}

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$2" ]; then
    echo "Installing $3 from Debian..." >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y "$3" >/dev/null; else sudo apt-get install -y "$3" >/dev/null; fi
  fi
}
need hugo /usr/bin/hugo hugo
need gtime /usr/bin/time time

cargo build --release --locked --bin promise --example generate >&2
PROMISE=$PWD/target/release/promise
GENERATE=$PWD/target/release/examples/generate

# Runs a command once to warm the disk cache, then RUNS times, each after
# the shell command BEFORE (untimed); prints the medians: wall seconds, CPU
# seconds, peak MiB.
measure() {
  local dir=$1 before=$2; shift 2
  (cd "$dir" && eval "$before" && "$@" >/dev/null 2>&1)
  local samples
  samples=$(mktemp)
  for _ in $(seq "$RUNS"); do
    (cd "$dir" && eval "$before" && /usr/bin/time -f "%e %U %S %M" -o "$samples.one" "$@" >/dev/null 2>&1)
    cat "$samples.one" >>"$samples"
  done
  awk '{ wall[NR] = $1; cpu[NR] = $2 + $3; mem[NR] = $4 / 1024 }
       function median(a, n,   i, j, t) {
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
         return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
       }
       END { printf "%.3f %.3f %.1f\n", median(wall, NR), median(cpu, NR), median(mem, NR) }' "$samples"
  rm -f "$samples" "$samples.one"
}

# Before a cold build, everything earlier builds wrote or kept is moved
# aside, not deleted: right after a large deletion, this disk is busy freeing
# blocks and every write is slower.
aside() { echo "t=.aside/\$RANDOM\$RANDOM; mkdir -p \$t; mv $* \$t/ 2>/dev/null || true"; }

printf '%-10s %-7s %-14s %9s %9s %9s\n' shape pages tool "wall s" "cpu s" "peak MiB"
for shape in $SHAPES; do
for n in $SIZES; do
  dir=$WORK/$shape-$n
  "$GENERATE" "$shape" "$n" "$dir" >&2
  promise=("$PROMISE" build --content promise --out out-promise --no-leaflets)
  hugo=(hugo --quiet --minify -s hugo -d ../out-hugo)
  read -r cw cc cm < <(measure "$dir" "$(aside out-promise .out-promise.*)" "${promise[@]}")
  read -r kw kc km < <(measure "$dir" "$(aside out-hugo hugo/resources)" "${hugo[@]}")
  read -r pw pc pm < <(measure "$dir" : "${promise[@]}")
  read -r hw hc hm < <(measure "$dir" : "${hugo[@]}")
  read -r lw lc lm < <(RUNS=$LEAFLET_RUNS measure "$dir" "$(aside out-leaflets .out-leaflets.*)" "$PROMISE" build --content promise --out out-leaflets)
  row() { printf '%-10s %-7s %-14s %9s %9s %9s\n' "$shape" "$n" "$@"; }
  ratio() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v e="$5" -v f="$6" 'BEGIN { printf "%.2f %.2f %.2f", a / b, c / d, e / f }'; }
  row "promise cold" "$cw" "$cc" "$cm"
  row "hugo cold" "$kw" "$kc" "$km"
  # shellcheck disable=SC2046
  row "ratio cold" $(ratio "$cw" "$kw" "$cc" "$kc" "$cm" "$km")
  row promise "$pw" "$pc" "$pm"
  row hugo "$hw" "$hc" "$hm"
  # shellcheck disable=SC2046
  row ratio $(ratio "$pw" "$hw" "$pc" "$hc" "$pm" "$hm")
  row "leaflets cold" "$lw" "$lc" "$lm"
  rm -rf "${dir:?}/.aside"
done
done

example=$WORK/example
mkdir -p "$example"
rm -rf "$example/content" && cp -r content "$example/content"
read -r ew _ _ < <(measure "$example" : "$PROMISE" build --content content --out out-no-leaflets --no-leaflets)
read -r cw _ cm < <(measure "$example" "$(aside out-leaflets .out-leaflets.*)" "$PROMISE" build --content content --out out-leaflets)
read -r lw _ lm < <(measure "$example" : "$PROMISE" build --content content --out out-leaflets)
rm -rf "$example/.aside"
echo
echo "The example site: ${ew} s without leaflets; with its 12 leaflets, ${cw} s cold (peak ${cm} MiB) and ${lw} s with them kept (peak ${lm} MiB)."
