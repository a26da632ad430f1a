# Sourced by scripts that drive folio in a tmux server of their own (measure-rss.sh,
# generate-link-order.sh): folio has no other way to say it is ready than what it draws.

# wait_for_screen SERVER TARGET TEXT INTERVAL WHO: polls the pane every INTERVAL seconds (600 times)
# until it shows TEXT; otherwise prints the screen and returns 1.
wait_for_screen() {
  local server=$1 target=$2 text=$3 interval=$4 who=$5
  for _ in $(seq 600); do
    tmux -L "$server" capture-pane -p -t "$target" 2> /dev/null | grep -q -- "$text" && return 0
    sleep "$interval"
  done
  echo "$who: the screen never showed '$text':" >&2
  tmux -L "$server" capture-pane -p -t "$target" >&2 || true
  return 1
}
