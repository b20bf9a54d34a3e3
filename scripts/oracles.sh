#!/usr/bin/env bash
# oracles.sh: install, start and stop the real tools kvm-sdk's tests use as oracles.
# Debian 12, root, no systemd, no /dev/kvm (QEMU runs in TCG mode). Adapted from the team's
# reference script (../shared/reference/real-tools).
#   bash scripts/oracles.sh install   # apt-get install + users/groups libvirt's QEMU driver needs
#   bash scripts/oracles.sh start [SERVICE...]
#        # SERVICE: libvirt (two private libvirtds A and B: own /etc, /run, /var/lib libvirt, other host UUIDs,
#        # B is a live-migration destination), ovs (ovsdb-server + ovs-vswitchd, userspace datapath), tgt (tgtd on
#        # 127.0.0.1:3260 with an open and a CHAP target), ceph (one ceph-mon on 127.0.0.1, auth none), pcmk
#        # (a one-node corosync + pacemaker cluster). Default: all. Everything runs in netns $NS, state in $OR;
#        # writes $OR/env (KVM_SDK_LIBVIRT_URI(_B), OVS_DB, ISCSI_PORTAL, TGT_CTRL_PORT, CEPH_CONF, ORACLE_NETNS).
#   bash scripts/oracles.sh stop      # stops only what `start` started
# Tools that need no daemon (nft, keepalived -t, crushtool, crm_verify, pcs -f, corosync -t, drbdadm, bird -p,
# promtool, iscsi-ls) are installed by `install` and used directly by the tests.
set -u
OR=${ORACLE_DIR:-/tmp/kvm-sdk-oracles}
NS=${ORACLE_NETNS:-kvmsdkor}
mkdir -p "$OR"

TGT_CTRL_PORT=${TGT_CTRL_PORT:-7}   # tgtd's control socket is a file (/run/tgtd/socket.N), shared across netns

PKGS="iproute2 procps libxml2-utils openssh-client
 libvirt-clients libvirt0 libvirt-daemon libvirt-daemon-driver-qemu libvirt-daemon-driver-storage-iscsi-direct
 qemu-system-x86 qemu-utils qemu-block-extra ipxe-qemu dnsmasq-base iptables ebtables nftables
 openvswitch-switch keepalived bird2 tgt libiscsi-bin ceph-base ceph-mon ethtool
 pacemaker-cli-utils pcs corosync drbd-utils prometheus"

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
  # the daemons share one loopback: give each its own VNC and migration port ranges, or a guest
  # migrated to B could be handed a port A's guests already hold
  if [ "$n" = B ]; then
    printf 'remote_display_port_min = 25900\nremote_display_port_max = 26899\nmigration_port_min = 59152\nmigration_port_max = 59215\n' >>"$B/etc/qemu.conf"
  fi
  # libvirt runs plain "ovs-vsctl" for <virtualport type='openvswitch'>: the wrapper points it at our ovsdb
  mkdir -p "$OR/bin"
  printf '#!/bin/sh\nexec /usr/bin/ovs-vsctl --db=unix:%s/ovs/db.sock "$@"\n' "$OR" >"$OR/bin/ovs-vsctl"; chmod +x "$OR/bin/ovs-vsctl"
  local inner="mount --bind $B/etc /etc/libvirt && mount --bind $B/run /run/libvirt && mount --bind $B/lib /var/lib/libvirt && mount --bind $B/log /var/log/libvirt && mount --bind $B/cache /var/cache/libvirt && virtlogd -d -p $B/virtlogd.pid && exec libvirtd -f /etc/libvirt/libvirtd.conf -p $B/libvirtd.pid"
  PATH="$OR/bin:$PATH" setsid ip netns exec "$NS" unshare -m --propagation private bash -c "$inner" >"$B/stdout" 2>&1 </dev/null &
  echo $! >"$OR/libvirtd-$n.pid"
  wait_for "[ -S $B/sock/libvirt-sock ] && virsh -c 'qemu:///system?socket=$B/sock/libvirt-sock' version" 100 || { echo "libvirtd $n failed"; cat "$B/stdout"; return 1; }
  cp "$B/virtlogd.pid" "$OR/virtlogd-$n.pid"
}

NSX() { ip netns exec "$NS" "$@"; }

# ---- Open vSwitch, userspace datapath only (no kernel module here): bridges need datapath_type=netdev
start_ovs() {
  local O=$OR/ovs
  if [ -S "$O/db.sock" ] && ovs-vsctl --db="unix:$O/db.sock" --timeout=5 show >/dev/null 2>&1; then echo "ovs already running"; return 0; fi
  mkdir -p "$O"; rm -f "$O/conf.db"
  ovsdb-tool create "$O/conf.db" /usr/share/openvswitch/vswitch.ovsschema
  NSX ovsdb-server "$O/conf.db" --remote="punix:$O/db.sock" --pidfile="$O/ovsdb-server.pid" \
      --unixctl="$O/ovsdb-server.ctl" --log-file="$O/ovsdb-server.log" --detach || return 1
  ovs-vsctl --db="unix:$O/db.sock" --no-wait init
  NSX ovs-vswitchd "unix:$O/db.sock" --pidfile="$O/ovs-vswitchd.pid" --unixctl="$O/ovs-vswitchd.ctl" \
      --log-file="$O/ovs-vswitchd.log" --detach || return 1
  cp "$O/ovsdb-server.pid" "$OR/ovsdb-server.pid"; cp "$O/ovs-vswitchd.pid" "$OR/ovs-vswitchd.pid"
}

# ---- tgtd: iSCSI target on 127.0.0.1:3260 inside $NS; an open target (tid 1) and a CHAP one (tid 2)
start_tgt() {
  if tgtadm -C "$TGT_CTRL_PORT" --op show --mode sys >/dev/null 2>&1; then echo "tgtd already running"; return 0; fi
  truncate -s 64M "$OR/lun1.img"; truncate -s 32M "$OR/lun2.img"
  setsid ip netns exec "$NS" tgtd -f -C "$TGT_CTRL_PORT" --iscsi portal=127.0.0.1:3260 >"$OR/tgtd.log" 2>&1 </dev/null &
  echo $! >"$OR/tgtd.pid"
  wait_for "tgtadm -C $TGT_CTRL_PORT --op show --mode sys" || { echo "tgtd failed"; cat "$OR/tgtd.log"; return 1; }
  local A="tgtadm -C $TGT_CTRL_PORT --lld iscsi"
  $A --op new --mode target --tid 1 -T iqn.2024-01.io.example:open
  $A --op new --mode logicalunit --tid 1 --lun 1 -b "$OR/lun1.img"
  $A --op bind --mode target --tid 1 -I ALL
  $A --op new --mode target --tid 2 -T iqn.2024-01.io.example:chap
  $A --op new --mode logicalunit --tid 2 --lun 1 -b "$OR/lun2.img"
  $A --op bind --mode target --tid 2 -I ALL
  $A --op new --mode account --user vmuser --password vmsecret12345
  $A --op bind --mode account --tid 2 --user vmuser
}

# ---- one ceph-mon on 127.0.0.1 (no OSDs, auth none): the real `ceph osd crush|pool ...` CLI answers
start_ceph() {
  local C=$OR/ceph fsid
  if [ -f "$C/ceph.conf" ] && NSX timeout 10 ceph -c "$C/ceph.conf" -s >/dev/null 2>&1; then echo "ceph-mon already running"; return 0; fi
  rm -rf "$C"; mkdir -p "$C"/{mon,run,log}; fsid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$C/ceph.conf" <<EOC
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:40300,v1:127.0.0.1:40789]
auth cluster required = none
auth service required = none
auth client required = none
run dir = $C/run
log file = $C/log/\$name.log
admin socket = $C/run/\$name.asok
mon data = $C/mon/\$cluster-\$id
keyring = $C/keyring
mon allow pool delete = true
EOC
  ceph-authtool --create-keyring "$C/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --addv a '[v2:127.0.0.1:40300,v1:127.0.0.1:40789]' --fsid "$fsid" "$C/monmap" >/dev/null
  ceph-mon -c "$C/ceph.conf" --mkfs -i a --monmap "$C/monmap" --keyring "$C/keyring" || return 1
  setsid ip netns exec "$NS" ceph-mon -c "$C/ceph.conf" -i a -f >"$C/log/stdout" 2>&1 </dev/null &
  echo $! >"$OR/ceph-mon.pid"
  wait_for "NSX timeout 10 ceph -c $C/ceph.conf -s" 100 || { echo "ceph-mon failed"; return 1; }
}

# ---- corosync + pacemaker: a live one-node cluster "node1" on 127.0.0.1 in $NS (stonith disabled)
# (pacemaker's IPC uses abstract sockets: run crm_mon/pcs/cibadmin with `ip netns exec $NS`)
start_pcmk() {
  local P=$OR/pcmk
  if NSX crm_mon -1 >/dev/null 2>&1; then echo "pacemaker already running"; return 0; fi
  rm -rf "$P"; mkdir -p "$P" /var/log/corosync /var/lib/corosync
  corosync-keygen -k "$P/authkey" >/dev/null 2>&1
  cat >"$P/corosync.conf" <<EOC
totem {
  version: 2
  cluster_name: sdkcluster
  transport: knet
  crypto_cipher: aes256
  crypto_hash: sha256
  keyfile: $P/authkey
}
nodelist {
  node {
    ring0_addr: 127.0.0.1
    name: node1
    nodeid: 1
  }
}
quorum {
  provider: corosync_votequorum
}
logging {
  to_logfile: yes
  logfile: $P/corosync.log
  to_syslog: no
}
EOC
  setsid ip netns exec "$NS" corosync -f -c "$P/corosync.conf" >"$P/corosync.out" 2>&1 </dev/null &
  echo $! >"$OR/corosync.pid"
  wait_for "NSX corosync-quorumtool -s" 100 || { echo "corosync failed"; return 1; }
  cp -a /var/lib/pacemaker "$P/lib"
  setsid ip netns exec "$NS" unshare -m --propagation private bash -c \
    "mount --bind $P/lib /var/lib/pacemaker && PCMK_logfile=$P/pacemaker.log exec pacemakerd -f" >"$P/pacemakerd.out" 2>&1 </dev/null &
  echo $! >"$OR/pacemakerd.pid"
  # DC election takes ~20-30 s on a fresh one-node cluster
  wait_for "NSX crm_mon -1 | grep -q 'Online: \[ node1 \]'" 300 || { echo "pacemaker not online"; return 1; }
  NSX pcs property set stonith-enabled=false
}

write_env() {
  cat >"$OR/env" <<EOC
export ORACLE_DIR=$OR ORACLE_NETNS=$NS
EOC
  [ -f "$OR/libvirtd-A.pid" ] && cat >>"$OR/env" <<EOC
export KVM_SDK_LIBVIRT_URI='qemu:///system?socket=$OR/lv-A/sock/libvirt-sock'
export KVM_SDK_LIBVIRT_URI_B='qemu:///system?socket=$OR/lv-B/sock/libvirt-sock'
EOC
  [ -f "$OR/ovs-vswitchd.pid" ] && echo "export OVS_DB=unix:$OR/ovs/db.sock OVS_RUNDIR=$OR/ovs" >>"$OR/env"
  [ -f "$OR/tgtd.pid" ] && echo "export ISCSI_PORTAL=127.0.0.1:3260 TGT_CTRL_PORT=$TGT_CTRL_PORT" >>"$OR/env"
  [ -f "$OR/ceph-mon.pid" ] && echo "export CEPH_CONF=$OR/ceph/ceph.conf" >>"$OR/env"
  [ -f "$OR/pacemakerd.pid" ] && echo "export KVM_SDK_PCMK_NETNS=$NS" >>"$OR/env"
  return 0
}

do_start() {
  ip netns list | grep -qw "$NS" || ip netns add "$NS"
  ip -n "$NS" link set lo up
  local services="${*:-libvirt ovs tgt ceph pcmk}" s
  # OVS first: libvirtd's ovs-vsctl wrapper talks to it
  for s in ovs libvirt tgt ceph pcmk; do
    case " $services " in *" $s "*) ;; *) continue ;; esac
    case $s in
      libvirt) start_libvirtd A && start_libvirtd B ;;
      *) "start_$s" ;;
    esac || { echo "oracles: $s failed to start"; write_env; return 1; }
  done
  # the libvirt daemons share the netns' loopback: QEMU's migration stream goes over tcp://127.0.0.1
  write_env
  echo "oracles started ($services); source $OR/env"
}

do_stop() {
  local n U p
  for n in A B; do
    U="qemu:///system?socket=$OR/lv-$n/sock/libvirt-sock"
    if [ -S "$OR/lv-$n/sock/libvirt-sock" ]; then
      for p in $(virsh -c "$U" list --name 2>/dev/null); do virsh -c "$U" destroy "$p" >/dev/null; done
      for p in $(virsh -c "$U" net-list --name 2>/dev/null); do virsh -c "$U" net-destroy "$p" >/dev/null; done  # stops dnsmasq
      for p in $(virsh -c "$U" pool-list --name 2>/dev/null); do virsh -c "$U" pool-destroy "$p" >/dev/null; done
    fi
  done
  # tgtd ignores SIGTERM while targets exist: drop them, then ask it to exit
  if [ -f "$OR/tgtd.pid" ]; then
    tgt-admin -C "$TGT_CTRL_PORT" --update ALL -c /dev/null -f >/dev/null 2>&1
    tgtadm -C "$TGT_CTRL_PORT" --op delete --mode system >/dev/null 2>&1
  fi
  [ -f "$OR/pacemakerd.pid" ] && kill "$(cat "$OR/pacemakerd.pid")" 2>/dev/null && sleep 3
  for p in "$OR"/*.pid; do
    [ -f "$p" ] || continue
    n=$(cat "$p"); kill "$n" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$n" 2>/dev/null || break; [ "$(ps -o stat= -p "$n")" = Z ] && break; sleep 0.2; done
    kill -0 "$n" 2>/dev/null && [ "$(ps -o stat= -p "$n")" != Z ] && kill -9 "$n"
    rm -f "$p"
  done
  ip netns del "$NS" 2>/dev/null
  rm -f "/run/tgtd/socket.$TGT_CTRL_PORT" "/run/tgtd/socket.$TGT_CTRL_PORT.lock"
  rm -f "$OR/env"   # a stale env would point tests at a daemon that is gone
  echo "oracles stopped"
}

case "${1:-}" in
  install) do_install ;;
  start) shift; do_start "$@" ;;
  stop) do_stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
