#!/usr/bin/env bash
# Smoke test of `homelab init`: installs this project into a private local Maven repository,
# scaffolds a new infra repository with the standalone CLI, and builds, validates, renders and
# diffs it with Maven as a user would, resolving homelab from that repository only.
#
#   .ci/init-smoke.sh /tmp/init-m2            # the repository is created or reused; never ~/.m2
#
# The private repository is chained in front of ~/.m2 (Maven 3.9's maven.repo.local.tail, read
# only), so nothing is downloaded twice and ~/.m2 never holds this build's artifacts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

REPO="${1:?usage: .ci/init-smoke.sh LOCAL_REPOSITORY (a private folder, not ~/.m2/repository)}"
mkdir -p "$REPO"
REPO="$(cd "$REPO" && pwd)"
if [ "$REPO" = "$(cd ~ && pwd)/.m2/repository" ]; then
  echo "refusing to install into ~/.m2/repository: pass a private folder" >&2
  exit 2
fi
REPOS=(-Dmaven.repo.local="$REPO" -Dmaven.repo.local.tail="$HOME/.m2/repository")

echo "=== install homelab into $REPO"
./mvnw -B -q install -pl '!examples,!homelab-bench' -DskipTests \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Djapicmp.skip=true "${REPOS[@]}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "=== homelab init $WORK/my-lab"
java -jar homelab-cli/target/homelab.jar init "$WORK/my-lab"

cd "$WORK/my-lab"
echo "=== mvn verify of the scaffold (its tests included)"
"$ROOT/mvnw" -B -q verify "${REPOS[@]}"
echo "=== validate, render, diff"
java -jar target/lab.jar validate
java -jar target/lab.jar render --out out
java -jar target/lab.jar diff --out out --stat
echo "=== ./lab runs the library from target/lab.classpath; its class cache outlives a rebuild of the lab"
test -s target/lab.classpath
./lab validate
CACHE="$(ls target/lab-lib-*-jdk* )"
echo "cache: $CACHE"
touch "$(find src/main/java -name MyLab.java)"
"$ROOT/mvnw" -B -q package -DskipTests "${REPOS[@]}"
./lab diff --out out --stat
test "$(ls target/lab-lib-*-jdk* )" = "$CACHE"
echo "=== init smoke passed"
