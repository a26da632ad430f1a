#!/usr/bin/env bash
# folio over a real OpenSSH link: sshd on 127.0.0.1 with throwaway host and user keys, a
# ForceCommand running folio in restricted mode, a client in tmux that browses, searches and tries
# every escape route. Installs openssh-server from Debian when it is missing and it may (root);
# otherwise, or when sshd cannot start here, it says why and exits 0 as "skipped".
#   Tests/SSH/ssh-end-to-end.sh [PATH/TO/folio]
set -uo pipefail
cd "$(dirname "$0")/../.."
folio=${1:-$(pwd)/.build/debug/folio}
skip() { echo "ssh-e2e: skipped: $*"; exit 0; }
fail() { echo "ssh-e2e: FAILED: $*"; [ -n "${work:-}" ] && { echo "--- screen:"; cat "$work/screen" 2>/dev/null; echo "--- sshd log:"; tail -20 "$work/sshd.log" 2>/dev/null; }; exit 1; }

[ -x "$folio" ] || fail "no folio binary at $folio (build first)"
command -v tmux >/dev/null || skip "tmux is not installed"
if [ ! -x /usr/sbin/sshd ]; then
  [ "$(id -u)" = 0 ] || skip "openssh-server is not installed and this is not root"
  echo "ssh-e2e: installing openssh-server"
  Scripts/apt-install.sh openssh-server || skip "could not install openssh-server"
fi
command -v ssh >/dev/null || skip "no ssh client"

work=$(mktemp -d)
socket="folio-ssh-$$"
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null
  [ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null
  rm -rf "$work" /tmp/folio-ssh-escaped-$$
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key" || fail "host key"
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key" || fail "user key"
cp "$work/user_key.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p /run/sshd 2>/dev/null
corpus=$(pwd)/Data
cat > "$work/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
AllowTcpForwarding no
X11Forwarding no
PermitTunnel no
PermitUserEnvironment no
AcceptEnv LANG LC_* PAGER EDITOR VISUAL FOLIO_RESTRICTED
ForceCommand env LANG=C.UTF-8 $folio --restricted --state $work/state.sqlite $corpus
CONFIG
/usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log" || skip "sshd does not start here: $(tail -1 "$work/sshd.log" 2>/dev/null)"
for _ in $(seq 50); do [ -f "$work/sshd.pid" ] && break; sleep 0.1; done
[ -f "$work/sshd.pid" ] || skip "sshd did not come up: $(tail -1 "$work/sshd.log")"

screen() { tmux -L "$socket" capture-pane -p > "$work/screen"; cat "$work/screen"; }
wait_for() {  # wait_for DESCRIPTION GREP-PATTERN
  for _ in $(seq 150); do screen | grep -q -- "$2" && return 0; sleep 0.1; done
  fail "waiting for $1"
}
keys() { tmux -L "$socket" send-keys "$@"; sleep 0.15; }

# The visitor asks for a shell command and sends environment variables: ForceCommand ignores the
# command, and restricted mode gives PAGER and EDITOR nothing to do.
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
  "env PAGER='touch /tmp/folio-ssh-escaped-$$' EDITOR='touch /tmp/folio-ssh-escaped-$$' \
   ssh -tt -i $work/user_key -p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
   -o SendEnv=PAGER -o SendEnv=EDITOR -o LogLevel=ERROR root@127.0.0.1 'sh -c \"touch /tmp/folio-ssh-escaped-$$\"; folio --corpus /etc'; \
   echo SSH-ENDED=\$?; sleep 30"
wait_for "folio over ssh" "1/5"
screen | grep -q "Chrissy Teigen" || fail "the built-in corpus titles are not shown"
keys j Enter
wait_for "an article" "n/N hits"
keys q / a s h e s Enter
wait_for "search results" "3 results"
for key in v e '|' C-z; do
  keys "$key"
  wait_for "$key refused" "not available in restricted mode"
  keys j
done
[ -e "/tmp/folio-ssh-escaped-$$" ] && fail "a hand-off or the visitor's command ran"
keys q
wait_for "folio to end the session" "SSH-ENDED="
screen | grep -q "SSH-ENDED=0" || fail "the session did not end cleanly"

# Two visitors, one after the other (issue #21, item 3): with the recipe's shared --state file the
# second sees nothing of the first (no bookmark, no read mark, nothing behind Up in the search bar);
# with --state-per-visitor (a second sshd with ExposeAuthInfo yes) each key gets its own marks back
# and nobody gets search history.
two_visitors_case() {
  local visitors_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  ssh-keygen -q -t ed25519 -N '' -f "$work/visitor_b_key" || fail "second user key"
  cat "$work/visitor_b_key.pub" >> "$work/authorized_keys"  # read at each login
  cp "$work/authorized_keys" "$work/visitors_keys"
  sed -e "s/^Port .*/Port $visitors_port/" -e "s|^PidFile .*|PidFile $work/visitors_sshd.pid|" \
      -e "s|^AuthorizedKeysFile .*|AuthorizedKeysFile $work/visitors_keys|" -e '/^ForceCommand/d' "$work/sshd_config" > "$work/visitors_sshd_config"
  printf 'ExposeAuthInfo yes\nForceCommand env LANG=C.UTF-8 %s --restricted --state %s --state-per-visitor %s\n' \
      "$folio" "$work/visitors.sqlite" "$corpus" >> "$work/visitors_sshd_config"
  trap '[ -f "$work/visitors_sshd.pid" ] && kill "$(cat "$work/visitors_sshd.pid")" 2>/dev/null; cleanup' EXIT
  /usr/sbin/sshd -f "$work/visitors_sshd_config" -E "$work/visitors_sshd.log" || fail "the per-visitor sshd does not start"
  for _ in $(seq 50); do [ -f "$work/visitors_sshd.pid" ] && break; sleep 0.1; done
  [ -f "$work/visitors_sshd.pid" ] || fail "the per-visitor sshd did not come up"

  vscreen() { tmux -L "$socket" capture-pane -p -t "$1" > "$work/screen"; cat "$work/screen"; }
  vwait() {  # vwait SESSION DESCRIPTION GREP-PATTERN
    for _ in $(seq 150); do vscreen "$1" | grep -q -- "$3" && return 0; sleep 0.1; done
    fail "waiting for $2"
  }
  vkeys() { local name=$1; shift; tmux -L "$socket" send-keys -t "$name" "$@"; sleep 0.15; }
  search_bar() { vscreen "$1" | head -1 | sed -e 's/   .*//' -e 's/ *$//'; }
  connect() {  # connect KEY PORT: a new visitor session; prints its name
    local name="visitor-$(date +%s%N)"
    tmux -L "$socket" new-session -d -s "$name" -x 100 -y 30 \
      "ssh -tt -i $1 -p $2 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1; echo SSH-ENDED=\$?; sleep 30"
    echo "$name"
  }
  leave() { vkeys "$1" Escape q; vwait "$1" "the session to end" "SSH-ENDED=0"; tmux -L "$socket" kill-session -t "$1"; }
  first_visit() {  # bookmark, mark read, search; Up walks back through this session's query
    local v=$1
    vwait "$v" "folio for the first visitor" "1/5"
    vkeys "$v" f; vwait "$v" "the bookmark" "★"
    vkeys "$v" m; vwait "$v" "the read mark" "marked"
    vkeys "$v" / a l i c e Space m e d i c a l Enter
    vkeys "$v" / C-u a s h e s Enter; vwait "$v" "the second search" "3 results"
    vkeys "$v" / Up Up
    [ "$(search_bar "$v")" = "/ alice medical" ] || fail "Up did not recall the visitor's own query: $(search_bar "$v")"
    leave "$v"
  }
  fresh_start() {  # fresh_start SESSION WHO: no bookmark, all unread, nothing behind Up
    local v=$1
    vwait "$v" "folio for $2" "1/5"
    vscreen "$v" | grep -q "★" && fail "$2 sees another visitor's bookmark"
    vkeys "$v" U; vwait "$v" "the unread filter for $2" "showing unread articles only"
    vscreen "$v" | grep -q "1/5" || fail "$2 sees another visitor's read mark"
    vkeys "$v" U / Up x
    [ "$(search_bar "$v")" = "/ x" ] || fail "$2 sees another visitor's search: $(search_bar "$v")"
    leave "$v"
  }

  # The recipe as it stands: every visitor on one --state file, session-only state.
  first_visit "$(connect "$work/user_key" "$port")"
  fresh_start "$(connect "$work/visitor_b_key" "$port")" "the second visitor"
  [ -e "$work/state.sqlite" ] && fail "restricted mode wrote the shared state file"

  # --state-per-visitor: marks per key, never history.
  first_visit "$(connect "$work/user_key" "$visitors_port")"
  fresh_start "$(connect "$work/visitor_b_key" "$visitors_port")" "a visitor with another key"
  local v=$(connect "$work/user_key" "$visitors_port")
  vwait "$v" "the first visitor's bookmark back" "★"
  vkeys "$v" / Up x
  [ "$(search_bar "$v")" = "/ x" ] || fail "search history kept per visitor: $(search_bar "$v")"
  leave "$v"
  if command -v sqlite3 >/dev/null; then
    local fingerprint=$(ssh-keygen -lf "$work/user_key.pub" | awk '{print $2}')
    sqlite3 "$work/visitors.sqlite" 'SELECT DISTINCT corpus FROM article' | grep -q "^visitor:$fingerprint:" \
      || fail "marks not kept under the key's fingerprint $fingerprint"
    [ "$(sqlite3 "$work/visitors.sqlite" 'SELECT count(*) FROM history')" = 0 ] || fail "search history written"
  fi
  kill "$(cat "$work/visitors_sshd.pid")" 2>/dev/null
}
two_visitors_case

# The visitor's window size reaches folio through sshd as the client's pty size. tmux cannot make
# these windows, so the client runs in the Python harness's pty: 32768 rows used to crash folio
# inside ncurses, 40000 columns to trap in present; both must be drawn within folio's limit.
for size in 40000x30 100x32768; do
  python3 Tests/Kiosk/check_kiosk_terminal.py "$(command -v ssh)" window --size "$size" -- \
    -tt -i "$work/user_key" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR root@127.0.0.1 > "$work/screen" 2>&1 || fail "a $size window over ssh"
  cat "$work/screen"
done
echo "ssh-e2e: passed (sshd on 127.0.0.1:$port, ForceCommand folio --restricted; command, environment and hand-off keys refused; two visitors see nothing of each other; 40000x30 and 100x32768 windows drawn within the limit)"
