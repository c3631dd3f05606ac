#!/usr/bin/env bash
# Cold start of the reference lab's render, without and with the launcher: `java -jar
# examples/target/reference-homelab.jar render` against `bin/homelab examples/target/reference-homelab.jar
# render` (its class cache made by an untimed first run), alternating, each into a fresh folder.
# Prints the medians and the median of the per-round ratios (launcher / plain), wall and CPU.
#
# From the repository root:  homelab-bench/startup.sh
# Environment: ROUNDS (default 7), JAVA_HOME (the JDK both use; default: java on the PATH).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rounds=${ROUNDS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy, so the cache the launcher makes next to it goes away with this run.
cp examples/target/reference-homelab.jar "$work/ref.jar"
java=java
if [[ -n "${JAVA_HOME:-}" ]]; then java=$JAVA_HOME/bin/java; fi

bin/homelab "$work/ref.jar" render -q --out "$work/train" >/dev/null 2>&1
rm -rf "$work/train"
for ((r = 0; r < rounds; r++)); do
  for kind in plain launcher; do
    rm -rf "$work/out"
    if [[ $kind == plain ]]; then
      /usr/bin/time -f "plain %e %U %S" -a -o "$work/times" "$java" -jar "$work/ref.jar" render -q --out "$work/out"
    else
      /usr/bin/time -f "launcher %e %U %S" -a -o "$work/times" bin/homelab "$work/ref.jar" render -q --out "$work/out"
    fi
  done
done
awk -f homelab-bench/median.awk -f /dev/stdin "$work/times" <<'AWK'
  $1 == "plain" { k++; pw[k] = $2; pc[k] = $3 + $4; lw = lw " " $2; pcs = pcs " " $3 + $4; plw = plw " " $2 }
  $1 == "launcher" { m++; rw = rw " " $2 / pw[m]; rc = rc " " ($3 + $4) / pc[m]; llw = llw " " $2; lcs = lcs " " $3 + $4 }
  END {
    printf "| plain java -jar | %d | %.2f | %.2f |  |  |\n", k, median(plw), median(pcs)
    printf "| bin/homelab | %d | %.2f | %.2f | %.2f | %.2f |\n", m, median(llw), median(lcs), median(rw), median(rc)
  }
AWK
echo "JDK: $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
