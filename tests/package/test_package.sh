#!/usr/bin/env bash
# Builds the .deb packages, unpacks them into a temporary root and runs the server from there:
# proves the package holds a working binary, its systemd unit, and the console's desktop entry.
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
server_deb="$(ls "$work"/out/neocloud-server_*.deb)"
echo "package: $(basename "$server_deb")"

dpkg-deb -x "$server_deb" "$work/root"
test -f "$work/root/usr/lib/systemd/system/neocloud-server.service"
version="$("$work/root/usr/bin/neocloud-server" --version)"
echo "unpacked server says: $version"
echo "$version" | grep -q "neocloud-server"
depends="$(dpkg-deb -f "$server_deb" Depends)"
grep -q "libqt6sql6-sqlite" <<<"$depends"
# The server package must not pull in Qt Quick or Qt WebEngine: the headless layering.
if grep -qi "quick\|qml\|webengine" <<<"$depends"; then
  echo "server package depends on Qt Quick or Qt WebEngine" >&2; exit 1
fi

if ls "$work"/out/neocloud-console_*.deb >/dev/null 2>&1; then
  console_deb="$(ls "$work"/out/neocloud-console_*.deb)"
  # Listed once into a variable: `grep -q` closing the pipe early would kill dpkg-deb.
  listing="$(dpkg-deb -c "$console_deb")"
  grep -q "usr/share/applications/neocloud-console.desktop" <<<"$listing"
  grep -q "usr/share/icons/hicolor/scalable/apps/neocloud-console.svg" <<<"$listing"
  grep -q "usr/bin/neocloud-console" <<<"$listing"
  console_depends="$(dpkg-deb -f "$console_deb" Depends)"
  # dpkg-shlibdeps sees the WebEngine libraries but not the QML module the web views import.
  if grep -q "libqt6webengine" <<<"$console_depends" && ! grep -q "qml6-module-qtwebengine" <<<"$console_depends"; then
    echo "console package links Qt WebEngine but does not depend on qml6-module-qtwebengine" >&2; exit 1
  fi
  echo "console package: $(basename "$console_deb") with binary, desktop entry and icon"
fi
echo "1 passed, 0 failed"
