#!/usr/bin/env bash
# Peak resident memory of the interactive reader: starts folio in a tmux pane (100x30), waits for
# its first screen, types a search (`/market`, Enter), and reads VmHWM from /proc before quitting.
# Repeats the start and prints the median, in KiB, on stdout (a line per run on stderr).
#
#   Scripts/measure-rss.sh [--runs N] [--query TEXT] [--snapshot] [--after SECONDS] [--max KIB] BINARY [CORPUS]
#
# Without CORPUS folio opens its built-in articles. Each start gets an empty HOME, config and state,
# so nothing of the user's is read, and an empty cache, so a CORPUS is read and indexed afresh;
# --snapshot instead writes the corpus's index snapshot once (`folio stats`) and starts from it.
# --after waits that long after the search before reading VmHWM (default 1): long enough, and a
# corpus read afresh has been indexed and its snapshot written, so the peak covers all of that.
# --max makes the script exit 1 when the median is over that many KiB (.ci/run only prints the figure).
set -euo pipefail

runs=3
query=market
snapshot=
max=
after=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --snapshot) snapshot=1; shift ;;
    --max) max=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    -*) echo "measure-rss: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: Scripts/measure-rss.sh [--runs N] [--query TEXT] [--snapshot] [--after SECONDS] [--max KIB] BINARY [CORPUS]" >&2; exit 2; }
binary=$(realpath "$1")
corpus=${2:+$(realpath "$2")}
command -v tmux > /dev/null || { echo "measure-rss: tmux is missing" >&2; exit 2; }

server=
work=$(mktemp -d)
trap '[ -z "$server" ] || tmux -L "$server" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT

# Polls the pane until it shows the text; folio has no other way to say it is ready.
source "$(dirname "$0")/tmux-screen.sh"
wait_for() { wait_for_screen "$server" rss "$1" 0.05 measure-rss; }

shared_cache=
if [ -n "$snapshot" ]; then
  [ -n "$corpus" ] || { echo "measure-rss: --snapshot needs a CORPUS" >&2; exit 2; }
  shared_cache=$work/cache
  env -i PATH=/usr/bin:/bin HOME="$work" XDG_CACHE_HOME="$shared_cache" "$binary" stats "$corpus" > /dev/null
fi

peaks=()
for run in $(seq "$runs"); do
  home=$work/run$run
  server=folio-rss-$$-$run  # a tmux server per start: the previous one may still be exiting
  mkdir -p "$home"
  # tmux's stdio on /dev/null: the server must not hold this script's pipes (Documentation/architecture.md §14).
  tmux -L "$server" new-session -d -s rss -x 100 -y 30 \
    "exec env -i PATH=/usr/bin:/bin HOME='$home' XDG_CONFIG_HOME='$home/config' XDG_STATE_HOME='$home/state' \
     XDG_CACHE_HOME='${shared_cache:-$home/cache}' LANG=C.UTF-8 TERM=xterm-256color '$binary' ${corpus:+"'$corpus'"}" \
    < /dev/null > /dev/null 2>&1
  pid=$(tmux -L "$server" list-panes -t rss -F '#{pane_pid}')
  wait_for "press / to search"
  # A key at a time, as typed: each one runs an incremental search.
  typed="/$query"
  for ((i = 0; i < ${#typed}; i++)); do
    tmux -L "$server" send-keys -t rss -l "${typed:i:1}"
    sleep 0.1
  done
  wait_for "result"
  tmux -L "$server" send-keys -t rss Enter
  sleep "$after"  # let searches and state writes that are still running finish (and more, with --after)
  peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
  echo "measure-rss: run $run: VmHWM $peak KiB" >&2
  peaks+=("$peak")
  tmux -L "$server" send-keys -t rss q
  tmux -L "$server" kill-server 2> /dev/null || true
done

median=$(printf '%s\n' "${peaks[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "$median"
if [ -n "$max" ] && [ "$median" -gt "$max" ]; then
  echo "measure-rss: median peak $median KiB is over $max KiB" >&2
  exit 1
fi
