#!/usr/bin/env bash
# Times promise against Hugo on the same synthetic sites, on this machine.
#
#   benches/compare.sh            # 1,000 and 10,000 pages, 5 runs each
#   SIZES="1000" RUNS=3 benches/compare.sh
#
# For each size it prints the median wall time, CPU time (user + system) and
# peak memory of each tool, and the ratio promise/Hugo. Both tools build into
# the folder their last build wrote, as a council rebuilding its site does;
# promise's first build into an empty folder is timed on its own row. Leaflets are off for
# the comparison (Hugo makes none); their cost is timed separately on the
# example site. Installs Hugo and GNU time from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

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

printf '%-7s %-8s %9s %9s %9s\n' pages tool "wall s" "cpu s" "peak MiB"
for n in $SIZES; do
  dir=$WORK/$n
  "$GENERATE" "$n" "$dir" >&2
  promise=("$PROMISE" build --content promise --out out-promise --no-leaflets)
  read -r pw pc pm < <(measure "$dir" : "${promise[@]}")
  read -r hw hc hm < <(measure "$dir" : hugo --quiet --minify -s hugo -d ../out-hugo)
  # The earlier builds are moved aside, not deleted: right after a large
  # deletion, this disk is busy freeing blocks and every write is slower.
  aside='t=.aside/$RANDOM$RANDOM; mkdir -p $t; mv out-promise .out-promise.previous $t/ 2>/dev/null || true'
  read -r fw fc fm < <(measure "$dir" "$aside" "${promise[@]}")
  printf '%-7s %-8s %9s %9s %9s\n' "$n" promise "$pw" "$pc" "$pm"
  printf '%-7s %-8s %9s %9s %9s\n' "$n" "(empty)" "$fw" "$fc" "$fm"
  printf '%-7s %-8s %9s %9s %9s\n' "$n" hugo "$hw" "$hc" "$hm"
  awk -v pw="$pw" -v hw="$hw" -v pc="$pc" -v hc="$hc" -v pm="$pm" -v hm="$hm" -v n="$n" \
    'BEGIN { printf "%-7s %-8s %9.2f %9.2f %9.2f\n", n, "ratio", pw / hw, pc / hc, pm / hm }'
  awk -v fw="$fw" -v hw="$hw" -v fc="$fc" -v hc="$hc" -v fm="$fm" -v hm="$hm" -v n="$n" \
    'BEGIN { printf "%-7s %-8s %9.2f %9.2f %9.2f\n", n, "(ratio)", fw / hw, fc / hc, fm / hm }'
done

example=$WORK/example
mkdir -p "$example"
rm -rf "$example/content" && cp -r content "$example/content"
read -r ew _ _ < <(measure "$example" : "$PROMISE" build --content content --out out-no-leaflets --no-leaflets)
read -r lw _ lm < <(measure "$example" : "$PROMISE" build --content content --out out-leaflets)
echo
echo "The example site: ${ew} s without leaflets, ${lw} s with its 4 leaflets (peak ${lm} MiB)."
for n in $SIZES; do rm -rf "${WORK:?}/$n/.aside"; done
