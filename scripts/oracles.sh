#!/usr/bin/env bash
# oracles.sh: install, start and stop the real tools kvm-sdk's tests use as oracles.
# Debian 12, root, no systemd, no /dev/kvm (QEMU runs in TCG mode). Adapted from the team's
# reference script; keeps only what the tests need today.
#   bash scripts/oracles.sh install   # apt-get install + users/groups libvirt's QEMU driver needs
#   bash scripts/oracles.sh start     # a private libvirtd (own /etc, /run, /var/lib libvirt) in netns $NS;
#                                     # and a second one (B, other host UUID) as a live-migration
#                                     # destination; writes $OR/env with KVM_SDK_LIBVIRT_URI(_B)
#   bash scripts/oracles.sh stop      # stops only what `start` started
set -u
OR=${ORACLE_DIR:-/tmp/kvm-sdk-oracles}
NS=${ORACLE_NETNS:-kvmsdkor}
mkdir -p "$OR"

PKGS="iproute2 procps libxml2-utils openssh-client
 libvirt-clients libvirt0 libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils
 dnsmasq-base iptables"

do_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
  local t0=$SECONDS missing=""
  for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
  fi
  # without libvirt-daemon-system nobody creates these, and the QEMU driver refuses to start
  getent group kvm >/dev/null || groupadd -r kvm
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  id libvirt-qemu >/dev/null 2>&1 || useradd -r -g kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  echo "oracles: install took $((SECONDS - t0))s"
}

wait_for() { local i; for i in $(seq 1 "${2:-50}"); do eval "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

start_libvirtd() {
  local n=$1 B=$OR/lv-$1
  if [ -S "$B/sock/libvirt-sock" ] && virsh -c "qemu:///system?socket=$B/sock/libvirt-sock" version >/dev/null 2>&1; then
    echo "libvirtd $n already running"; return 0
  fi
  mkdir -p "$B"/{sock,run,lib,log,cache} /run/libvirt /var/lib/libvirt /var/log/libvirt /var/cache/libvirt
  rm -rf "$B/etc"; cp -a /etc/libvirt "$B/etc"
  rm -rf "$B/etc/qemu" "$B/etc/storage" "$B/etc/secrets"
  cat >"$B/etc/libvirtd.conf" <<EOC
unix_sock_dir = "$B/sock"
unix_sock_rw_perms = "0700"
auth_unix_rw = "none"
host_uuid = "$(cat /proc/sys/kernel/random/uuid)"
log_outputs = "2:file:$B/log/libvirtd.log"
EOC
  printf 'user = "root"\ngroup = "root"\nsecurity_driver = "none"\ncgroup_controllers = [ ]\n' >"$B/etc/qemu.conf"
  local inner="mount --bind $B/etc /etc/libvirt && mount --bind $B/run /run/libvirt && mount --bind $B/lib /var/lib/libvirt && mount --bind $B/log /var/log/libvirt && mount --bind $B/cache /var/cache/libvirt && virtlogd -d -p $B/virtlogd.pid && exec libvirtd -f /etc/libvirt/libvirtd.conf -p $B/libvirtd.pid"
  setsid ip netns exec "$NS" unshare -m --propagation private bash -c "$inner" >"$B/stdout" 2>&1 </dev/null &
  echo $! >"$OR/libvirtd-$n.pid"
  wait_for "[ -S $B/sock/libvirt-sock ] && virsh -c 'qemu:///system?socket=$B/sock/libvirt-sock' version" 100 || { echo "libvirtd $n failed"; cat "$B/stdout"; return 1; }
  cp "$B/virtlogd.pid" "$OR/virtlogd-$n.pid"
}

do_start() {
  ip netns list | grep -qw "$NS" || ip netns add "$NS"
  ip -n "$NS" link set lo up
  start_libvirtd A || return 1
  start_libvirtd B || return 1
  # both daemons share the netns' loopback: QEMU's migration stream goes over tcp://127.0.0.1
  cat >"$OR/env" <<EOC
export ORACLE_DIR=$OR ORACLE_NETNS=$NS
export KVM_SDK_LIBVIRT_URI='qemu:///system?socket=$OR/lv-A/sock/libvirt-sock'
export KVM_SDK_LIBVIRT_URI_B='qemu:///system?socket=$OR/lv-B/sock/libvirt-sock'
EOC
  echo "oracles started; source $OR/env"
}

do_stop() {
  local n U p
  for n in A B; do
    U="qemu:///system?socket=$OR/lv-$n/sock/libvirt-sock"
    if [ -S "$OR/lv-$n/sock/libvirt-sock" ]; then
      for p in $(virsh -c "$U" list --name 2>/dev/null); do virsh -c "$U" destroy "$p" >/dev/null; done
    fi
  done
  for p in "$OR"/*.pid; do
    [ -f "$p" ] || continue
    n=$(cat "$p"); kill "$n" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$n" 2>/dev/null || break; [ "$(ps -o stat= -p "$n")" = Z ] && break; sleep 0.2; done
    kill -0 "$n" 2>/dev/null && [ "$(ps -o stat= -p "$n")" != Z ] && kill -9 "$n"
    rm -f "$p"
  done
  ip netns del "$NS" 2>/dev/null
  rm -f "$OR/env"   # a stale env would point tests at a daemon that is gone
  echo "oracles stopped"
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  stop) do_stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
