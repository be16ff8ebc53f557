#!/usr/bin/env bash
# Unpacks Debian's rsyslog and its omelasticsearch module into a folder for
# test/integration/rsyslog.test.ts. rsyslog conflicts with syslog-ng (which the
# shipper tests install) as a Debian package, so it is never installed: its
# packages are downloaded and unpacked, and rsyslogd runs from there with
# LD_LIBRARY_PATH and -M. Idempotent. Usage: scripts/unpack-rsyslog.sh [DIR]
set -euo pipefail
dest="${1:-/opt/logsift-rsyslog}"
if [ -x "$dest/usr/sbin/rsyslogd" ] && compgen -G "$dest/usr/lib/*/rsyslog/omelasticsearch.so" >/dev/null; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# _apt cannot write to a mktemp folder owned by root; download as root without the sandbox user
apt-get download -o APT::Sandbox::User=root rsyslog rsyslog-elasticsearch libestr0 libfastjson4
mkdir -p "$dest"
for deb in ./*.deb; do dpkg -x "$deb" "$dest"; done
echo "rsyslog unpacked into $dest"
