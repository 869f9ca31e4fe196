#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring (a real
# Secret Service). HOME is a throw-away folder so the user's keyrings are never touched.
set -euo pipefail
if [ -z "${MLWATCH_IN_KEYRING_SESSION:-}" ]; then
  export MLWATCH_IN_KEYRING_SESSION=1
  HOME=$(mktemp -d)
  # gnome-keyring finds a running daemon through $XDG_RUNTIME_DIR/keyring/control: a private one
  # keeps it from finding (and talking to) the desktop's own daemon on a developer's machine.
  XDG_RUNTIME_DIR=$(mktemp -d)
  export HOME XDG_RUNTIME_DIR
  exec dbus-run-session -- "$0" "$@"
fi
printf %s mlwatch-test | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
# --daemonize returns before the daemon owns org.freedesktop.secrets. A client calling in that gap
# makes the bus activate a second daemon, which reads login.keyring while the first is still writing
# it ("keyring was in an invalid or unrecognized format") and serves no login collection: writes
# then fail with "Object does not exist at path …/collection/login". Wait for the name (no polling,
# no activation) before running anything.
gdbus wait --session --timeout 60 org.freedesktop.secrets
exec "$@"
