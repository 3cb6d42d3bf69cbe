#!/usr/bin/env bash
# The Debian packages the offline checks need, installed only when missing; `npm test` runs this as its first step.
# Java 17 runs ApexLink and PMD (Code Analyzer); Debian's Chromium runs the workbench's browser tests (playwright-core
# drives it: no browser is ever downloaded).
# As root it installs what is missing with apt-get, quietly (apt's output goes to a log file); as any other user it
# stops at once with the one command to run.
# Overrides, so that the spec can try every branch without uninstalling anything: JAVA (the java command),
# CHROMIUM_PATH (also read by the browser tests), SYSTEM_PACKAGES_UID, SYSTEM_PACKAGES_LOG.
set -euo pipefail

java_command="${JAVA:-java}"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
uid="${SYSTEM_PACKAGES_UID:-$(id -u)}"
log="${SYSTEM_PACKAGES_LOG:-${TMPDIR:-/tmp}/lead-handoff-system-packages.log}"

# "openjdk version "17.0.9" 2023-10-17" → 17; "1.8.0_392" → 8; nothing when java is absent.
java_major() {
    command -v "$java_command" >/dev/null 2>&1 || return 0
    "$java_command" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1 |
        awk -F. '{ print ($1 == 1 ? $2 : $1) }'
}

missing_packages() {
    local missing=() major
    major="$(java_major)"
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
    [ -x "$chromium_path" ] || missing+=(chromium)
    echo "${missing[@]:-}"
}

missing="$(missing_packages)"
if [ -z "$missing" ]; then
    echo "Java $(java_major) and Chromium ($chromium_path) are installed."
    exit 0
fi
command="apt-get install -y $missing"
if [ "$uid" -ne 0 ]; then
    echo "Missing system packages: $missing. Run this once, then npm test again: sudo $command" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages: $missing, and apt-get is not here: install Java 17 and Chromium with this system's package manager (set CHROMIUM_PATH if it is not $chromium_path)." >&2
    exit 1
fi
# shellcheck disable=SC2086 # $missing is a list of package names
if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "apt-get could not install $missing (full output: $log). Fix the cause above, or run: sudo $command" >&2
    exit 1
fi
still="$(missing_packages)"
if [ -n "$still" ]; then
    echo "apt-get ran, but $still is still missing (output: $log): check that java is Java 17 or later (update-alternatives --config java) and that Chromium is at $chromium_path." >&2
    exit 1
fi
echo "Installed $missing with apt-get (output: $log)."
