#!/usr/bin/env bash
# agent-guest.sh: builds a tiny bootable guest whose only job is to answer on the QEMU guest agent
# channel, so tests can see what a real libvirtd does with agent replies (the contract guest runs no OS).
#   bash scripts/agent-guest.sh        # idempotent; prints the directory holding vmlinuz and initrd.gz
# Debian 12, root. Downloads (never installs) Debian's cloud kernel and a static busybox; the initramfs
# loads the virtio console modules and runs a shell stand-in for qemu-ga on org.qemu.guest_agent.0.
# Boot it with <kernel>DIR/vmlinuz</kernel><initrd>DIR/initrd.gz</initrd><cmdline>console=ttyS0</cmdline>
# and a <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>.
set -eu
DIR=${KVM_SDK_AGENT_GUEST:-/tmp/kvm-sdk-agent-guest}
if [ -s "$DIR/vmlinuz" ] && [ -s "$DIR/initrd.gz" ]; then echo "$DIR"; exit 0; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
KPKG=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
apt-get -q download "$KPKG" busybox-static >/dev/null 2>&1
dpkg-deb -x linux-image-*.deb k
dpkg-deb -x busybox-static_*.deb bb
BB=$WORK/bb/bin/busybox
KVER=$(ls k/lib/modules)
MODS=k/lib/modules/$KVER/kernel
mkdir -p root/bin root/proc root/sys root/dev root/lib/modules
cp "$BB" root/bin/busybox
cp $MODS/drivers/virtio/{virtio_ring,virtio,virtio_pci_modern_dev,virtio_pci_legacy_dev,virtio_pci}.ko \
   $MODS/drivers/char/virtio_console.ko root/lib/modules/
cat > root/init <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_console; do insmod /lib/modules/$m.ko; done
P=
while [ -z "$P" ]; do
  for f in /sys/class/virtio-ports/*; do [ "$(cat $f/name 2>/dev/null)" = org.qemu.guest_agent.0 ] && P=$(basename $f); done
  sleep 0.2
done
exec /agent /dev/$P
EOF
# The stand-in agent: one command per line, answered the way qemu-ga words its replies.
cat > root/agent <<'EOF'
#!/bin/sh
exec 3<>"$1"
while true; do
  if ! read -r line <&3; then sleep 0.1; continue; fi   # EOF while the host side is closed
  [ -z "$line" ] && continue
  cmd=$(echo "$line" | sed -n 's/.*"execute" *: *"\([^"]*\)".*/\1/p')
  case "$cmd" in
    guest-sync) id=$(echo "$line" | sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p'); echo "{\"return\": $id}" >&3 ;;
    guest-ping) echo '{"return": {}}' >&3 ;;
    guest-get-host-name) echo '{"return": {"host-name": "agentguest"}}' >&3 ;;
    guest-network-get-interfaces) echo '{"return": [{"name": "lo", "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "127.0.0.1", "prefix": 8}, {"ip-address-type": "ipv6", "ip-address": "::1", "prefix": 128}], "hardware-address": "00:00:00:00:00:00"}, {"name": "eth0", "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.168.122.10", "prefix": 24}, {"ip-address-type": "ipv6", "ip-address": "fe80::5054:ff:fe12:3456", "prefix": 64}], "hardware-address": "52:54:00:12:34:56"}, {"name": "eth0:1", "ip-addresses": [{"ip-address-type": "ipv4", "ip-address": "192.168.122.11", "prefix": 24}]}, {"name": "wg0"}]}' >&3 ;;
    guest-fail) echo '{"error": {"class": "GenericError", "desc": "boom"}}' >&3 ;;
    guest-disabled) echo '{"error": {"class": "CommandDisabled"}}' >&3 ;;
    guest-noreturn) echo '{"foo": 1}' >&3 ;;
    guest-slow) sleep 8; echo '{"return": {}}' >&3 ;;
    *) echo "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command $cmd has not been found\"}}" >&3 ;;
  esac
done
EOF
chmod 755 root/init root/agent
(cd root && "$BB" find . | "$BB" cpio -o -H newc 2>/dev/null) | gzip -1 > initrd.gz
mkdir -p "$DIR"
cp k/boot/vmlinuz-* "$DIR/vmlinuz"
cp initrd.gz "$DIR/initrd.gz"
chmod 755 "$DIR"; chmod 644 "$DIR/vmlinuz" "$DIR/initrd.gz"
echo "$DIR"
