#!/usr/bin/env bash
# Smoke test of `homelab init`: installs this project into a private local Maven repository,
# scaffolds a new infra repository with the standalone CLI, and builds, validates, renders and
# diffs it with Maven as a user would, resolving homelab from that repository only.
#
#   .ci/init-smoke.sh /tmp/init-m2            # the repository is created or reused; never ~/.m2
#
# Offline by default (MAVEN_OFFLINE=-o); seed the repository first (cp -r ~/.m2/repository/. DIR)
# or set MAVEN_OFFLINE= to let Maven download what is missing.
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
OFFLINE="${MAVEN_OFFLINE--o}"

echo "=== install homelab into $REPO"
mvn -B -q $OFFLINE -Dmaven.repo.local="$REPO" -DskipTests install

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "=== homelab init $WORK/my-lab"
java -jar homelab-cli/target/homelab.jar init "$WORK/my-lab"

cd "$WORK/my-lab"
echo "=== mvn verify of the scaffold (its tests included)"
mvn -B -q $OFFLINE -Dmaven.repo.local="$REPO" verify
echo "=== validate, render, diff"
java -jar target/lab.jar validate
java -jar target/lab.jar render --out out
java -jar target/lab.jar diff --out out --stat
echo "=== init smoke passed"
