#!/usr/bin/env bash
# Regenerates Linker/folio.order, the list of functions the linker places side by side at the start
# of folio's code (see Linker/README.md for why). Runs a release build of folio under callgrind in a
# tmux pane through three sessions — the built-in articles with a new reading state (search with
# results, open the article, next hit, back, quit), the same again with that state existing (a
# search with no results), and a folder of articles (loading files, writing the index snapshot) —
# and lists every function of the binary that ran (Scripts/link-order.py).
#
#   Scripts/generate-link-order.sh [SCRATCH]     # SCRATCH: SwiftPM scratch path (default .build)
#
# Run it after a toolchain or dependency update, or when startup, search or drawing code changed
# much; a stale list only costs memory (functions missing from it stay where they were). Needs
# valgrind (installed here when missing), tmux and python3. The three sessions take a minute or two
# after the build: under valgrind every key takes a second or so.
set -euo pipefail
cd "$(dirname "$0")/.."
# valgrind is not on every machine: install it from Debian when missing (as .ci/run does for tmux).
if ! command -v valgrind > /dev/null; then
  echo "generate-link-order: installing valgrind"
  apt-get update -qq && apt-get install -y -qq valgrind
fi
for tool in valgrind tmux python3 nm strip; do
  command -v "$tool" > /dev/null || { echo "generate-link-order: $tool is missing" >&2; exit 2; }
done

scratch=${1:-.build}
# The build `make` makes (Makefile): the profile must see the runtime code linked into the binary.
swift build -c release --product folio --static-swift-stdlib --scratch-path "$scratch" >&2
binary=$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/folio

server=folio-link-order-$$
work=$(mktemp -d)
trap 'tmux -L "$server" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT
# valgrind 3.19 gives up on the DWARF this toolchain writes; the symbol table is all it needs.
strip --strip-debug -o "$work/folio" "$binary"
cp -R Data "$work/articles"
mkdir -p "$work/home"

source Scripts/tmux-screen.sh
wait_for() { wait_for_screen "$server" order "$1" 0.2 generate-link-order || exit 1; }

# Waits until the screen has not changed for a second: under valgrind a key takes a while to answer.
settle() {
  local before="" now
  for _ in $(seq 120); do
    sleep 1
    now=$(tmux -L "$server" capture-pane -p -t order 2> /dev/null) || return 0
    [ "$now" = "$before" ] && return 0
    before=$now
  done
}

# session NAME CORPUS -- KEYS...: one folio run under callgrind, each key sent once the screen has
# settled after the previous one.
session() {
  local name=$1 corpus=$2
  shift 3
  tmux -L "$server" new-session -d -s order -x 100 -y 30 \
    "exec env -i PATH=/usr/bin:/bin HOME='$work/home' XDG_CONFIG_HOME='$work/home/config' \
     XDG_STATE_HOME='$work/home/state' XDG_CACHE_HOME='$work/home/cache' LANG=C.UTF-8 TERM=xterm-256color \
     valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file='$work/$name.callgrind' \
     --log-file='$work/$name.log' '$work/folio' $corpus" < /dev/null > /dev/null 2>&1
  wait_for "press / to search"
  for key in "$@"; do
    settle
    tmux -L "$server" send-keys -t order "$key"
  done
  for _ in $(seq 300); do
    tmux -L "$server" has-session -t order 2> /dev/null || break
    sleep 0.2
  done
  [ -s "$work/$name.callgrind" ] || { echo "generate-link-order: no profile from $name:" >&2; cat "$work/$name.log" >&2; exit 1; }
}

session new-state "" -- / a s h e s Enter Enter n q q
session old-state "" -- / m a r k e t Enter q
session folder "'$work/articles'" -- / t e i g e n Enter Enter q q

python3 Scripts/link-order.py "$binary" "$work"/*.callgrind > Linker/folio.order
# SwiftPM does not know the link depends on the list: without the binary, the next build relinks.
rm -f "$binary"
echo "generate-link-order: wrote Linker/folio.order (the next build links folio with it)" >&2
