#!/usr/bin/env bash
# Checks what `make install` promises: a release binary with the Swift runtime linked in runs from a
# fresh folder with only the system directories on PATH, next to its man page and completions, and
# `make uninstall` removes all of it. Used by .ci/run; runs on its own too.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

make install PREFIX="$prefix" > "$prefix/install.log" 2>&1 || { cat "$prefix/install.log"; exit 1; }
for file in bin/folio share/man/man1/folio.1 share/bash-completion/completions/folio \
            share/zsh/site-functions/_folio share/fish/vendor_completions.d/folio.fish; do
  [ -s "$prefix/$file" ] || { echo "check-install: $file missing or empty"; exit 1; }
done

# A machine without Swift: no toolchain on PATH, an empty environment, run from /.
copy=$(mktemp -d -p "$prefix")
cp "$prefix/bin/folio" "$copy/folio"
listing=$(cd / && env -i PATH=/usr/bin:/bin HOME="$prefix" "$copy/folio" list --format tsv)
[ "$(printf '%s\n' "$listing" | wc -l)" -eq 5 ] || { echo "check-install: expected the 5 built-in articles, got:"; echo "$listing"; exit 1; }
(cd / && env -i PATH=/usr/bin:/bin "$copy/folio" --version) | grep -q '^[0-9]' || { echo "check-install: --version"; exit 1; }
if ldd "$copy/folio" | grep -q 'libswift\|libFoundation'; then echo "check-install: Swift runtime not linked statically"; exit 1; fi
if command -v man > /dev/null; then man -l "$prefix/share/man/man1/folio.1" > /dev/null 2>&1 || { echo "check-install: man page does not render"; exit 1; }; fi

make uninstall PREFIX="$prefix" > /dev/null
left=$(find "$prefix" -type f ! -path "$copy/*" ! -name install.log)
[ -z "$left" ] || { echo "check-install: make uninstall left: $left"; exit 1; }
echo "check-install: ok (needs only: $(ldd "$copy/folio" | awk '{print $1}' | grep -v vdso | tr '\n' ' '))"
