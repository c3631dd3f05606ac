#!/usr/bin/env bash
# Side by side, in one run: the same N-app workload rendered by
#   homelab   the command line (`SyntheticHomelab N render --backend k8s`: validation, every
#             backend's check, the whole k8s backend with its secret scan, manifest, atomic write),
#             with the launcher's settings (bin/homelab: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#             and a class archive made by an untimed first run);
#   cdk8s     homelab-bench/cdk8s/synthetic.js with cdk8s ApiObjects (L1), plain node;
#   plus      the same with cdk8s-plus constructs for workload, service, claim and policies;
#   fabric8   dev.homelab.bench.Fabric8Floor: fabric8 builders + Jackson YAML and nothing else (the
#             floor), with the same JVM settings and its own class archive.
# Every round runs each tool once, in turn (the order rotates), so neighbours share the machine's
# moment; the tables show medians over the rounds and the median of the per-round ratios.
#
# From the repository root:  homelab-bench/compare.sh   (writes docs/performance.md's "Side by side")
# Environment: APPS (default "10 100 1000 10000 100000"), ROUNDS (default 3; 1 from
# 10,000), TOOLS (default "homelab cdk8s plus fabric8"), CDK8S_MAX (most apps cdk8s runs; default
# 10000), JAVA (default java), OURS_OPTS / FLOOR_OPTS (JVM options), SKIP_BUILD=1, NO_DOC=1.
# Needs GNU time, node and npm (cdk8s is installed into homelab-bench/target/cdk8s-cache).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
apps=${APPS:-"10 100 1000 10000 100000"}
tools=${TOOLS:-"homelab cdk8s plus fabric8"}
cdk8s_max=${CDK8S_MAX:-10000}
java=${JAVA:-java}
jar=homelab-bench/target/benchmarks.jar
cache=homelab-bench/target/cdk8s-cache
doc=docs/performance.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
launcher="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# shellcheck disable=SC2206 # option lists
jvm=($launcher)
# shellcheck disable=SC2206
ours_opts=(${OURS_OPTS:-$launcher})
# shellcheck disable=SC2206
floor_opts=(${FLOOR_OPTS:-$launcher})

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "building $jar" >&2
  mvn -B -q -o -DskipTests -Pbench -pl homelab-bench -am package
fi
if [[ ! -d "$cache/node_modules/cdk8s-plus-32" ]]; then
  echo "installing cdk8s into $cache" >&2
  mkdir -p "$cache"
  echo '{"name":"cdk8s-cache","private":true}' >"$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --silent cdk8s@2.70.106 cdk8s-plus-32@2.5.92 constructs@10.4.2)
fi
export NODE_PATH="$root/$cache/node_modules"

# A class cache per main class, as bin/homelab keeps one per jar: on JDK 25 and later an AOT cache
# (-XX:AOTCacheOutput, then -XX:AOTCache), before a dynamic CDS archive (-XX:ArchiveClassesAtExit,
# then -XX:SharedArchiveFile); made by an untimed run of 10 apps, as a user's first run makes it.
home=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || echo 17)
cached() {
  if [[ $feature -ge 25 ]]; then echo "-XX:AOTCache=$work/$1.aot"; else echo "-XX:SharedArchiveFile=$work/$1.jsa -Xlog:cds*=off"; fi
}
train() {
  local name=$1 main=$2; shift 2
  local make="-XX:ArchiveClassesAtExit=$work/$name.jsa"
  [[ $feature -ge 25 ]] && make="-XX:AOTCacheOutput=$work/$name.aot"
  # shellcheck disable=SC2086
  "$java" "${jvm[@]}" $make -Xlog:cds*=off -Xlog:aot*=off -cp "$jar" "$main" "$@" >/dev/null 2>&1 || true
}

# Runs one tool on N apps under /usr/bin/time; appends "tool n wall cpu rssKiB files user" to $work/runs.
# User time is kept apart too: the system time of creating the same ~9,000 files swings here from
# 0.2 s to 5 s from one run to the next, whatever the tool (the file system, not the program).
run() {
  local tool=$1 n=$2 out="$work/out" t="$work/time"
  # shellcheck disable=SC2046 # cached prints a list of options
  rm -rf "$out"
  case $tool in
    homelab) /usr/bin/time -f "%e %U %S %M" -o "$t" "$java" "${ours_opts[@]}" $(cached homelab) -cp "$jar" dev.homelab.bench.SyntheticHomelab "$n" render --backend k8s -q --out "$out" ;;
    fabric8) /usr/bin/time -f "%e %U %S %M" -o "$t" "$java" "${floor_opts[@]}" $(cached fabric8) -cp "$jar" dev.homelab.bench.Fabric8Floor "$n" "$out" >/dev/null ;;
    cdk8s) /usr/bin/time -f "%e %U %S %M" -o "$t" node homelab-bench/cdk8s/synthetic.js "$n" "$out" l1 ;;
    plus) /usr/bin/time -f "%e %U %S %M" -o "$t" node --max-old-space-size=8192 homelab-bench/cdk8s/synthetic.js "$n" "$out" plus ;;
  esac
  local files
  files=$(find "$out" -type f -name '*.yaml' | wc -l)
  read -r wall user sys rss <"$t"
  echo "$tool $n $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $rss $files $user" >>"$work/runs"
  echo "  $tool $n apps: wall ${wall}s cpu $(tail -1 "$work/runs" | cut -d' ' -f4)s rss $((rss / 1024)) MiB, $files yaml files" >&2
  rm -rf "$out"
}

echo "training class archives" >&2
train homelab dev.homelab.bench.SyntheticHomelab 10 render --backend k8s -q --out "$work/train"
train fabric8 dev.homelab.bench.Fabric8Floor 10 "$work/train-floor"
rm -rf "$work/train" "$work/train-floor"

loads=()
for n in $apps; do
  rounds=${ROUNDS:-$(( n >= 10000 ? 1 : 3 ))}
  active=()
  for tool in $tools; do
    if [[ ( $tool == cdk8s || $tool == plus ) && $n -gt $cdk8s_max ]]; then continue; fi
    active+=("$tool")
  done
  for ((r = 0; r < rounds; r++)); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    # rotate the order each round, so no tool always runs first (or right after the heaviest)
    for ((k = 0; k < ${#active[@]}; k++)); do
      run "${active[$(( (k + r) % ${#active[@]} ))]}" "$n"
    done
  done
done

# Medians per tool and N, and per-round ratios homelab/peer (rounds pair up by their index).
table="$work/table.md"
awk -f homelab-bench/median.awk -v tools="$tools" -f /dev/stdin "$work/runs" >"$table" <<'AWK'
  {
    key = $1 SUBSEP $2; k = ++count[key]
    wall[key] = wall[key] " " $3; cpu[key] = cpu[key] " " $4; rss[key] = rss[key] " " $5; files[key] = $6
    user[key] = user[key] " " $7
    w[key, k] = $3; c[key, k] = $4; u[key, k] = $7
    if (!($2 in seen)) { seen[$2] = 1; order[++ns] = $2 }
  }
  END {
    nt = split(tools, tl, " ")
    print "| apps | tool | runs | yaml files | wall s | CPU s | user s | peak RSS MiB | homelab / tool, wall | homelab / tool, CPU | homelab / tool, user |"
    print "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= ns; i++) {
      n = order[i]
      for (j = 1; j <= nt; j++) {
        key = tl[j] SUBSEP n; if (!(key in count)) continue
        ours = "homelab" SUBSEP n; rw = ""; rc = ""; ru = ""
        for (k = 1; k <= count[key] && k <= count[ours]; k++) {
          rw = rw " " w[ours, k] / w[key, k]; rc = rc " " c[ours, k] / c[key, k]; ru = ru " " u[ours, k] / u[key, k]
        }
        ratio_w = tl[j] == "homelab" || rw == "" ? "" : sprintf("%.2f", median(rw))
        ratio_c = tl[j] == "homelab" || rc == "" ? "" : sprintf("%.2f", median(rc))
        ratio_u = tl[j] == "homelab" || ru == "" ? "" : sprintf("%.2f", median(ru))
        printf "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %.0f | %s | %s | %s |\n", n, tl[j], count[key], files[key],
          median(wall[key]), median(cpu[key]), median(user[key]), median(rss[key]) / 1024, ratio_w, ratio_c, ratio_u
      }
    }
  }
AWK
cat "$table"
cp "$work/runs" homelab-bench/target/compare-runs.txt

if [[ "${NO_DOC:-}" == 1 ]]; then exit 0; fi
jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
generated="$work/generated.md"
{
  echo "<!-- compare.sh: begin (written by homelab-bench/compare.sh; edit outside these markers) -->"
  echo "### Side by side (latest \`homelab-bench/compare.sh\` run)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain)" ]] && echo " (with local changes)")"
  echo "- machine: $(nproc) cores, load average (1 min) at the start of each round: ${loads[*]}"
  echo "- JDK $jdk, node $(node --version), cdk8s $(node -p "require('$root/$cache/node_modules/cdk8s/package.json').version"), cdk8s-plus-32 $(node -p "require('$root/$cache/node_modules/cdk8s-plus-32/package.json').version")"
  echo "- command: \`homelab-bench/compare.sh\`$([[ -n "${APPS:-}" ]] && echo " with APPS=\"$apps\"")$([[ -n "${ROUNDS:-}" ]] && echo " ROUNDS=$ROUNDS")$([[ -n "${OURS_OPTS:-}" ]] && echo " OURS_OPTS=\"$OURS_OPTS\"")"
  echo
  cat "$table"
  echo "<!-- compare.sh: end -->"
} >"$generated"
if grep -q '^<!-- compare.sh: begin' "$doc"; then
  awk -v gen="$generated" '
    /^<!-- compare.sh: begin/ { while ((getline line < gen) > 0) print line; skip = 1; next }
    /^<!-- compare.sh: end/ { skip = 0; next }
    !skip { print }' "$doc" >"$work/doc.md"
  cp "$work/doc.md" "$doc"
else
  { echo; cat "$generated"; } >>"$doc"
fi
echo "wrote $doc" >&2
