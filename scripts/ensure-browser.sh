#!/usr/bin/env bash
# The browser test (tests/browser/) drives Debian's Chromium and needs the Noto Georgian font.
# Installs both once, from Debian's packages, when they are missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ "$(fc-list 2>/dev/null | grep -ci "Noto Sans Georgian")" -gt 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing chromium and fonts-noto-core (Debian) for the browser test…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
