#!/usr/bin/env bash
# The loop a user lives in: edit the lab, build, render. Times bin/homelab's render of the reference
# lab right after a rebuild of the lab's jar, and the render after that, in its two ways of running:
#   jar:     the jar alone (no class path file beside it): the class cache is named after the jar,
#            so a rebuilt jar makes a new one (what the launcher did before the tenth round);
#   library: the jar with its library class path beside it (reference-homelab.classpath and
#            .upgraded.jar, as the build writes them): the cache is the library's and stays.
# A rebuild is a new time of the jar (and of its class path file, as the build writes both); the
# lab does not change, so each render writes nothing. The library's cache is made once, untimed
# (homelab's version does not change between edits). Rounds alternate the two ways.
#
# From the repository root, after ./mvnw -B -q -DskipTests package:  homelab-bench/rebuild.sh
# Environment: ROUNDS (default 5), JAVA_HOME (the JDK; default: java on the PATH).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=java
if [[ -n "${JAVA_HOME:-}" ]]; then java=$JAVA_HOME/bin/java; fi

# Copies, in a folder each, so the caches the launcher makes (and removes) beside them stay apart.
mkdir -p "$work/jar" "$work/library"
cp examples/target/reference-homelab.jar "$work/jar/ref.jar"
cp examples/target/reference-homelab.jar "$work/library/ref.jar"
cp -p examples/target/reference-homelab.upgraded.jar "$work/library/ref.upgraded.jar"
cp examples/target/reference-homelab.classpath "$work/library/ref.classpath"
rebuild() {
  sleep 1 # the launcher names a jar's cache after its time in seconds
  touch "$work/$1/ref.jar"
  if [[ -f "$work/$1/ref.classpath" ]]; then touch "$work/$1/ref.classpath"; fi
}

bin/homelab "$work/library/ref.jar" render -q --out "$work/out" >/dev/null 2>&1
for ((r = 0; r < rounds; r++)); do
  for kind in jar library; do
    rebuild "$kind"
    for run in first next; do
      /usr/bin/time -f "$kind $run %e %U %S" -a -o "$work/times" bin/homelab "$work/$kind/ref.jar" render -q --out "$work/out" >/dev/null
    done
  done
done
awk -f homelab-bench/median.awk -f /dev/stdin "$work/times" <<'AWK'
  { k = $1 " " $2; n[k]++; w[k] = w[k] " " $3; c[k] = c[k] " " ($4 + $5)
    if ($1 == "jar") { jw[$2, n[k]] = $3 } else { rw[$2] = rw[$2] " " $3 / jw[$2, n[k]] } }
  END {
    print "| run | jar: wall s | jar: CPU s | library: wall s | library: CPU s | library / jar (wall) |"
    print "| --- | ---: | ---: | ---: | ---: | ---: |"
    split("first next", runs, " ")
    for (i = 1; i <= 2; i++) {
      r = runs[i]
      printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", (r == "first" ? "first after a rebuild" : "the next"),
        median(w["jar " r]), median(c["jar " r]), median(w["library " r]), median(c["library " r]), median(rw[r])
    }
  }
AWK
echo "rounds: $rounds, JDK: $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
