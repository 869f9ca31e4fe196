#!/usr/bin/env bash
# Builds the .deb with CPack from an existing build folder, checks its control fields and file
# list, installs it (dpkg -i as root, else dpkg -x into a scratch root), runs the installed
# `mlwatch-cli --version`, and removes the package again if it installed it.
#
#   test_deb.sh BUILD_DIR VERSION EXPECTED_PATH...
# EXPECTED_PATH are paths inside the package, e.g. usr/bin/mlwatch-cli.
#
# Safe to run beside other tests: everything it writes is under its own mktemp folder, and the
# system-wide dpkg steps are serialised across build folders with flock.
set -euo pipefail

build_dir=$1
version=$2
shift 2
expected_paths=("$@")

fail() { echo "FAIL: $*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mlwatch-deb-test.XXXXXX")
installed_by_us=0
cleanup() {
  if [ "$installed_by_us" = 1 ]; then
    dpkg -r mlwatch >"$work/dpkg-remove.log" 2>&1 || cat "$work/dpkg-remove.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done

# --- build the package into our own folder -------------------------------------------------
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
fi
shopt -s nullglob
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb, found ${#debs[@]}"
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "mlwatch_${version}_${arch}.deb" ] || fail "unexpected file name $(basename "$deb")"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields -------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = mlwatch ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ "$(field Section)" = utils ] || fail "Section is '$(field Section)'"
# (captured first: with pipefail, grep -q closing the pipe early would fail the pipeline)
description=$(field Description)
[[ "${description%%$'\n'*}" == *"ML workloads"* ]] || fail "Description summary: ${description%%$'\n'*}"
[ "$(wc -l <<<"$description")" -gt 2 ] || fail "Description has no long text"
! grep -q '^ *;' <<<"$description" || fail "Description lines start with ';' (a CMake list leaked in)"
depends=$(field Depends)
# Explicit dependencies, and at least one found by dpkg-shlibdeps from the linked Qt.
for dep in libsecret-1-0 qt6-qpa-plugins libqt6core6 libc6; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
echo "control fields ok; Depends: $depends"

# --- file list ------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$work/files.txt"
for path in "${expected_paths[@]}"; do
  grep -qx "$path" "$work/files.txt" || { cat "$work/files.txt" >&2; fail "package lacks $path"; }
done
# Nothing from the build tree or the tests leaks into the package.
if grep -Eq '(^|/)(tst_[^/]*|CMakeFiles|.*\.a)$' "$work/files.txt"; then
  grep -E '(^|/)(tst_[^/]*|CMakeFiles|.*\.a)$' "$work/files.txt" >&2
  fail "package contains build or test files"
fi
echo "file list ok (${#expected_paths[@]} expected paths present)"

# Desktop metadata validates when the validators are there (not required to run the test).
mkdir -p "$work/x"
dpkg-deb -x "$deb" "$work/x"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$work/x/usr/share/applications/mlwatch.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null && [ -f "$work/x/usr/share/metainfo/io.mlwatch.MLWatch.metainfo.xml" ]; then
  appstreamcli validate --no-net "$work/x/usr/share/metainfo/io.mlwatch.MLWatch.metainfo.xml" >"$work/as.log" 2>&1 \
    || { cat "$work/as.log" >&2; fail "appstreamcli validate"; }
fi

# --- install and run ------------------------------------------------------------------------
check_version() {
  local out
  out=$("$1" --version) || fail "$1 --version exited with $?"
  [ "$out" = "mlwatch-cli $version" ] || fail "$1 --version printed '$out'"
  echo "$1 --version: $out"
}

# Installed in any state but "not installed" / "config files only" (e.g. left half-installed).
already_installed() {
  local abbrev
  abbrev=$(dpkg-query -W -f='${db:Status-Abbrev}' mlwatch 2>/dev/null) || return 1
  [[ -n "$abbrev" && "${abbrev:1:1}" != n && "${abbrev:1:1}" != c ]]
}
use_dpkg=0
if [ "$(id -u)" -eq 0 ]; then
  # One dpkg at a time across build folders and parallel ctest runs (released at exit).
  exec 9>"${TMPDIR:-/tmp}/mlwatch-deb-test.lock"
  flock -w 600 9 || fail "timed out waiting for another packaging test's dpkg"
  if already_installed; then
    echo "note: an mlwatch package is already installed on this system; leaving it alone"
  else
    use_dpkg=1
  fi
fi

if [ "$use_dpkg" = 1 ]; then
  dpkg -i "$deb" >"$work/dpkg-install.log" 2>&1 || { cat "$work/dpkg-install.log" >&2; installed_by_us=1; fail "dpkg -i failed"; }
  installed_by_us=1
  check_version /usr/bin/mlwatch-cli
  grep -qx /usr/share/applications/mlwatch.desktop <<<"$(dpkg -L mlwatch)" || fail "dpkg -L lacks the .desktop file"
  dpkg -r mlwatch >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg -r failed"; }
  installed_by_us=0
  [ ! -e /usr/bin/mlwatch-cli ] || fail "/usr/bin/mlwatch-cli still there after dpkg -r"
  echo "installed with dpkg -i, ran, removed with dpkg -r"
else
  check_version "$work/x/usr/bin/mlwatch-cli"
  echo "ran from a scratch root extracted with dpkg -x (not root, or mlwatch already installed)"
fi
echo "deb package test passed"
