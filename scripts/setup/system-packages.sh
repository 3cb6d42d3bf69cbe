#!/usr/bin/env bash
# Debian packages the offline checks need, installed only when missing:
# Java 17 runs ApexLink and PMD (Code Analyzer); Debian's Chromium runs the workbench's browser tests
# (playwright-core drives /usr/bin/chromium: no browser is ever downloaded).
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]} with apt-get"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
