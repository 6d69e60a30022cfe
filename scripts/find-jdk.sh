#!/usr/bin/env bash
# Prints the home of the first JDK 21+ found, or nothing (exit 1).
# Order: $JAVA_HOME, then JDKs under /usr/lib/jvm, newest first.
major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${d%/}"); done
for home in "${candidates[@]}"; do
  [ -x "$home/bin/javac" ] || continue
  m=$(major "$home")
  if [ -n "$m" ] && [ "$m" -ge 21 ]; then echo "$home"; exit 0; fi
done
exit 1
