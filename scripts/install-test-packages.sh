#!/usr/bin/env bash
# The system packages `npm test` needs on Debian or Ubuntu, installed with apt (run as root, or with sudo):
#   dbus-daemon, dbus-bin    a private D-Bus session bus for the keychain tests (and dbus-send to watch it)
#   gnome-keyring            a real Secret Service on that bus: the OS keychain the tests use
#   libsecret-1-0            what keytar reaches the Secret Service through (the app needs it too)
#   chromium                 Debian's browser, driven by playwright-core for the dashboard tests
#   fonts-dejavu-core        fonts, so the dashboard screenshots have legible text
#   ripgrep                  rg, the baseline the search benchmark (npm run bench) compares against
set -euo pipefail
PACKAGES=(dbus-daemon dbus-bin gnome-keyring libsecret-1-0 chromium fonts-dejavu-core ripgrep)
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "Installed: ${PACKAGES[*]}"
