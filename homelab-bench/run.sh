#!/usr/bin/env bash
# Measures the homelab DSL and writes docs/performance.md (between its "run.sh" markers; the rest of
# the file is kept):
#   1. whole-process runs: the command line renders the reference lab and synthetic labs of N apps,
#      each in a fresh JVM under /usr/bin/time -v (CPU time, wall time, peak RSS);
#   2. the JMH benchmarks (build, validate, render per backend and all), unless SKIP_JMH=1.
#
# From the repository root:  homelab-bench/run.sh
# Environment: APPS (default "10 100 1000 10000"), JMH_ARGS (extra JMH options, e.g. "-wi 1 -i 2"
# for a quick look; default: the annotations' settings), SKIP_JMH=1, SKIP_BUILD=1, JAVA (default java).
# Needs GNU time (/usr/bin/time, Debian package "time"), Maven and a JDK 17+.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
apps=${APPS:-"10 100 1000 10000"}
java=${JAVA:-java}
jar=homelab-bench/target/benchmarks.jar
doc=docs/performance.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -x /usr/bin/time ]]; then
  echo "error: /usr/bin/time (GNU time) is missing. Install it (Debian/Ubuntu: apt-get install time)" >&2
  exit 2
fi
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "building $jar" >&2
  mvn -B -q -o -DskipTests -Pbench -pl homelab-bench -am package
fi

# One field of a /usr/bin/time -v report.
field() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }
# Wall clock h:mm:ss or m:ss.ss as seconds.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

# Renders one lab in a fresh JVM: "<label> <main class> [apps]"; prints a table row.
whole_process() {
  local label=$1 main=$2; shift 2
  local out="$work/out-$label" report="$work/time-$label"
  echo "rendering $label" >&2
  /usr/bin/time -v -o "$report" "$java" -cp "$jar" "$main" "$@" render --out "$out" >"$work/log-$label"
  local user sys wall rss files bytes
  user=$(field "$report" "User time (seconds)")
  sys=$(field "$report" "System time (seconds)")
  wall=$(seconds "$(field "$report" "Elapsed (wall clock) time (h:mm:ss or m:ss)")")
  rss=$(field "$report" "Maximum resident set size (kbytes)")
  files=$(sed -n 's/^rendered \([0-9]*\) files.*/\1/p' "$work/log-$label")
  bytes=$(du -sb "$out" | cut -f1)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$files" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$user / $sys" "$wall" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')"
  rm -rf "$out"
}

rows="$work/rows.md"
whole_process reference dev.homelab.examples.ReferenceHomelab >>"$rows"
for n in $apps; do
  whole_process "$n" dev.homelab.bench.SyntheticHomelab "$n" >>"$rows"
done

jmh="$work/jmh.txt"
if [[ "${SKIP_JMH:-}" != 1 ]]; then
  echo "running JMH (a few minutes)" >&2
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  "$java" -jar "$jar" ${JMH_ARGS:-} -rf text -rff "$jmh" >"$work/jmh.log"
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
mem=$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.name = //p; s/^ *java.runtime.version = //p' | paste -sd' ' -)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit (with local changes)"; fi

generated="$work/generated.md"
{
  echo "<!-- run.sh: begin (written by homelab-bench/run.sh; edit outside these markers) -->"
  echo "## Latest run"
  echo
  echo "- date: $(date -u +%Y-%m-%d)"
  echo "- commit: $commit"
  echo "- machine: ${cpu:-unknown CPU}, $(nproc) cores, ${mem:-unknown memory}, $(uname -sr) $(uname -m)"
  echo "- JDK: $jdk"
  echo "- command: \`$(basename "$0" | sed 's|^|homelab-bench/|')\`$([[ -n "${APPS:-}" ]] && echo " with APPS=\"$apps\"")$([[ -n "${JMH_ARGS:-}" ]] && echo " with JMH_ARGS=\"$JMH_ARGS\"")"
  echo
  echo "### Whole process: \`render\` in a fresh JVM"
  echo
  echo "The reference lab, then synthetic labs of N apps (\`SyntheticHomelab N render --out DIR\`), each"
  echo "under \`/usr/bin/time -v\`. CPU is user + system time of the JVM (JIT and GC threads included), so it"
  echo "can exceed the wall time."
  echo
  echo "| lab | files | output MiB | CPU s | user / sys s | wall s | peak RSS MiB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  cat "$rows"
  echo
  if [[ -s "$jmh" ]]; then
    echo "### JMH: average time per operation"
    echo
    echo "\`lab\` is \`reference\` or a number of synthetic apps. \`RenderBenchmark\` with \`backend=all\` is a"
    echo "whole render short of the disk: validation, every backend, the top-level bring-up guide."
    echo
    echo '```text'
    cat "$jmh"
    echo '```'
  else
    echo "JMH was skipped (SKIP_JMH=1)."
  fi
  echo "<!-- run.sh: end -->"
} >"$generated"

if [[ -f "$doc" ]] && grep -q '^<!-- run.sh: begin' "$doc"; then
  awk -v gen="$generated" '
    /^<!-- run.sh: begin/ { while ((getline line < gen) > 0) print line; skip = 1; next }
    /^<!-- run.sh: end/ { skip = 0; next }
    !skip { print }' "$doc" >"$work/doc.md"
  cp "$work/doc.md" "$doc"
else
  { echo "# Performance"; echo; cat "$generated"; } >"$doc"
fi
echo "wrote $doc" >&2
