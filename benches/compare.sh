#!/usr/bin/env bash
# Times promise against Hugo on the same synthetic sites, on this machine.
#
#   benches/compare.sh            # every shape at 1,000 and 10,000 pages, 5 runs each
#   SHAPES="themes offer" SIZES="1000" RUNS=3 benches/compare.sh
#
# The shapes are the sites benches/generate.rs writes: bands (many small
# bands), themes (three bands of very many themes), offer (a local offer of
# thousands of entries), messages (thousands of long messages) and
# languages (every file in ten languages). For each shape and size it
# prints the median wall time, CPU time (user + system) and peak memory of
# each tool, and the ratio promise/Hugo. Both tools build into the folder
# their last build wrote, as a council rebuilding its site does; promise's
# first build into an empty folder is timed on its own row. Leaflets are off
# for the comparison (Hugo makes none); the "leaflets" row is promise's
# build with them. Installs Hugo and GNU time from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SHAPES=${SHAPES:-"bands themes offer messages languages"}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
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

printf '%-10s %-7s %-8s %9s %9s %9s\n' shape pages tool "wall s" "cpu s" "peak MiB"
for shape in $SHAPES; do
for n in $SIZES; do
  dir=$WORK/$shape-$n
  "$GENERATE" "$shape" "$n" "$dir" >&2
  promise=("$PROMISE" build --content promise --out out-promise --no-leaflets)
  read -r pw pc pm < <(measure "$dir" : "${promise[@]}")
  read -r hw hc hm < <(measure "$dir" : hugo --quiet --minify -s hugo -d ../out-hugo)
  # The earlier builds are moved aside, not deleted: right after a large
  # deletion, this disk is busy freeing blocks and every write is slower.
  aside='t=.aside/$RANDOM$RANDOM; mkdir -p $t; mv out-promise .out-promise.previous $t/ 2>/dev/null || true'
  read -r fw fc fm < <(measure "$dir" "$aside" "${promise[@]}")
  read -r lw lc lm < <(measure "$dir" : "$PROMISE" build --content promise --out out-leaflets)
  row() { printf '%-10s %-7s %-8s %9s %9s %9s\n' "$shape" "$n" "$@"; }
  row promise "$pw" "$pc" "$pm"
  row "(empty)" "$fw" "$fc" "$fm"
  row hugo "$hw" "$hc" "$hm"
  row leaflets "$lw" "$lc" "$lm"
  row ratio $(awk -v a="$pw" -v b="$hw" -v c="$pc" -v d="$hc" -v e="$pm" -v f="$hm" 'BEGIN { printf "%.2f %.2f %.2f", a / b, c / d, e / f }')
  row "(ratio)" $(awk -v a="$fw" -v b="$hw" -v c="$fc" -v d="$hc" -v e="$fm" -v f="$hm" 'BEGIN { printf "%.2f %.2f %.2f", a / b, c / d, e / f }')
  rm -rf "${dir:?}/.aside"
done
done

example=$WORK/example
mkdir -p "$example"
rm -rf "$example/content" && cp -r content "$example/content"
read -r ew _ _ < <(measure "$example" : "$PROMISE" build --content content --out out-no-leaflets --no-leaflets)
read -r lw _ lm < <(measure "$example" : "$PROMISE" build --content content --out out-leaflets)
echo
echo "The example site: ${ew} s without leaflets, ${lw} s with its 4 leaflets (peak ${lm} MiB)."
