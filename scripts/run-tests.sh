#!/usr/bin/env bash
# Runs the whole test suite against an existing build folder. Headless: GUI tests use the
# offscreen platform, keychain tests start their own private D-Bus session and gnome-keyring.
set -euo pipefail
build_dir=${1:-build}
export QT_QPA_PLATFORM=offscreen
# A private, 0700 runtime dir keeps Qt and D-Bus quiet and away from the user's session.
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
cd "$build_dir"
ctest --output-on-failure --timeout 300 -j "$(nproc)"
