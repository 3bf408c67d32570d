#!/usr/bin/env bash
# Prints the home of a JDK 25 or newer: $JAVA_HOME if it qualifies, else the first one under /usr/lib/jvm
# (this machine kind ships Temurin 25 beside the default OpenJDK 17). Exits 1 with advice when none is found.
set -euo pipefail

REQUIRED=25

major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'
}

qualifies() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  local major
  major=$(major_of "$1")
  [[ -n $major ]] && (( major >= REQUIRED ))
}

candidates=()
[[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-*-jdk-* /usr/lib/jvm/java-*-openjdk-* /usr/lib/jvm/*)

for home in "${candidates[@]}"; do
  if [[ -d $home ]] && qualifies "$home"; then
    echo "$home"
    exit 0
  fi
done

echo "No JDK $REQUIRED+ found. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
exit 1
