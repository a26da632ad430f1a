#!/usr/bin/env bash
# Installs Debian packages for the project's own scripts (the SSH end-to-end test, the peer
# comparison): `Scripts/apt-install.sh PACKAGE...`, as root. Quiet; exits non-zero on failure, with
# apt's output in $APT_LOG when set (else discarded).
#
# Tries the install first (the package lists may be fresh already), then `apt-get update` and the
# install again. Where the update cannot check Debian's signatures because apt's unprivileged
# download user (`_apt`) cannot run gpgv (seen in containers: "gpgv ... required for verification,
# but neither seems installed" with gpgv installed), it updates again without that sandbox user:
# the signatures are still checked, only the download runs as root.
set -u
log=${APT_LOG:-/dev/null}
export DEBIAN_FRONTEND=noninteractive
[ "$#" -gt 0 ] || { echo "usage: Scripts/apt-install.sh PACKAGE..." >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "apt-install: installing $* needs root" >&2; exit 1; }

apt-get install -y -qq "$@" >>"$log" 2>&1 && exit 0
if ! apt-get update -qq >>"$log" 2>&1; then
    apt-get -o APT::Sandbox::User=root update -qq >>"$log" 2>&1 || exit 1
fi
apt-get install -y -qq "$@" >>"$log" 2>&1
