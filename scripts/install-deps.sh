#!/usr/bin/env bash
# Installs what MLWatch needs to build, test and package on Debian 12 / Ubuntu.
# Uses apt (through sudo when not root). On other systems it prints the list to install by hand.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config file
  # packaging: CPack's DEB generator runs dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS); the
  # package test validates the .desktop file and the AppStream metadata with the other two
  dpkg-dev desktop-file-utils appstream
  # Qt 6 and friends (qt6-websockets-dev: QtHttpServer's CMake config needs it)
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-svg-dev libqt6svg6 qt6-qpa-plugins libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
  # keychain: QtKeychain dlopens libsecret at run time, so it is listed explicitly
  qtkeychain-qt6-dev libsecret-1-0 libsecret-tools
  # OpenSSL for RS256 JWTs (Google service accounts)
  libssl-dev libgl-dev libsimdjson-dev
  # real parts for the tests: private D-Bus, gnome-keyring, Xvfb, the SigV4 oracle
  # (libglib2.0-bin: `gdbus wait` in tests/support/with-keyring.sh)
  dbus dbus-x11 gnome-keyring libglib2.0-bin xvfb xauth python3 python3-botocore
  # the RS256 oracle: the openssl command line makes test keys and verifies JWT signatures
  openssl
  # fonts so charts render text offscreen
  fonts-dejavu-core
  # screenshots (README)
  imagemagick x11-utils
  # the weekly report's PDF: tests read its text (pdftotext), docs render its pages (pdftoppm)
  poppler-utils
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
else
  echo "This is not a Debian-based system. Install the equivalents of:" >&2
  printf '  %s\n' "${packages[@]}" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
