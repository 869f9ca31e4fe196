#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring (a real
# Secret Service). HOME is a throw-away folder so the user's keyrings are never touched.
set -euo pipefail
if [ -z "${MLWATCH_IN_KEYRING_SESSION:-}" ]; then
  export MLWATCH_IN_KEYRING_SESSION=1
  HOME=$(mktemp -d)
  export HOME
  exec dbus-run-session -- "$0" "$@"
fi
printf %s mlwatch-test | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
exec "$@"
