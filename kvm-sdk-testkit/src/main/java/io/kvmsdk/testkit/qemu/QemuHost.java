package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.domain.Channel;
import io.kvmsdk.core.domain.CharDevSource;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.Parallel;
import io.kvmsdk.core.domain.Serial;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * What one libvirtd host generates for its domains, kept across defines and starts: random MAC
 * addresses ({@code 52:54:00:xx:xx:xx}) and UUIDs, the tap counters ({@code vnetN},
 * {@code macvtapN}: increasing for the daemon's lifetime, never reused), the pseudo terminals
 * ({@code /dev/pts/N}: the lowest free number, reused once released) and the display ports (the
 * lowest free from 5900, as {@code remote_display_port_min}). Also the host's {@code qemu.conf}
 * values the model shows: the VNC/SPICE listen address and the DAC label ({@code user = "root"}).
 *
 * <p>Create one per fake host and keep it with the host's state; call {@link #release(DomainSpec)}
 * with a domain's live definition when it stops (destroy, shutdown, crash, migrated away), so its
 * ptys and display ports become free again. Thread-safe.
 */
public final class QemuHost {
  /** QEMU's {@code vnc_listen}/{@code spice_listen} default in {@code qemu.conf}. */
  public static final String DISPLAY_LISTEN = "127.0.0.1";
  /** The DAC label of a daemon whose {@code qemu.conf} says {@code user = "root"}, {@code group = "root"}. */
  public static final String DAC_LABEL = "+0:+0";
  /** Where libvirt puts the sockets of {@code <channel type='unix'>} without a path. */
  public static final String CHANNEL_DIR = "/var/lib/libvirt/qemu/channel/target";
  /** First display port ({@code remote_display_port_min}). */
  public static final int DISPLAY_PORT_MIN = 5900;

  private final Random random;
  private int vnet;
  private int macvtap;
  private final BitSet ptys = new BitSet();
  private final BitSet displayPorts = new BitSet();

  private QemuHost(Random random) { this.random = random; }

  /** A host whose generated values are random, like a real daemon's. */
  public static QemuHost create() { return new QemuHost(new Random()); }

  /** A host whose generated MACs and UUIDs are the same on every run for {@code seed} (for reproducible tests). */
  public static QemuHost seeded(long seed) { return new QemuHost(new Random(seed)); }

  /** A new MAC address in QEMU's range, as libvirt's {@code virMacAddrGenerate} makes one. */
  public synchronized String newMac() {
    return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  /** A new random UUID (a domain without one, a network port). */
  public synchronized String newUuid() {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  /** The next tap device: {@code vnetN} for a tap, {@code macvtapN} for a direct interface. */
  synchronized String newTap(boolean macvtap) {
    return macvtap ? "macvtap" + this.macvtap++ : "vnet" + vnet++;
  }

  /** Opens a pseudo terminal: the lowest free {@code /dev/pts/N}. */
  synchronized String openPty() {
    int n = ptys.nextClearBit(0);
    ptys.set(n);
    return "/dev/pts/" + n;
  }

  /** Takes the lowest free display port from 5900 up. */
  synchronized int takeDisplayPort() {
    int n = displayPorts.nextClearBit(0);
    displayPorts.set(n);
    return DISPLAY_PORT_MIN + n;
  }

  /** Frees what the running domain {@code live} held: its ptys and its display ports chosen by autoport. */
  public synchronized void release(DomainSpec live) {
    var d = live.devices();
    for (Serial s : d.serials()) releasePty(s.sources());
    for (Parallel p : d.parallels()) releasePty(p.sources());
    for (Channel c : d.channels()) releasePty(c.sources());
    for (Console c : d.consoles()) releasePty(c.sources());
    for (Graphics g : d.graphics()) {
      if (!g.autoport().orElse(false)) continue;
      for (Optional<Integer> p : List.of(g.port(), g.tlsPort())) {
        if (p.isPresent() && p.get() >= DISPLAY_PORT_MIN) displayPorts.clear(p.get() - DISPLAY_PORT_MIN);
      }
    }
  }

  private void releasePty(List<CharDevSource> sources) {
    for (CharDevSource s : sources) {
      String p = s.path().orElse("");
      if (p.startsWith("/dev/pts/")) {
        try {
          ptys.clear(Integer.parseInt(p.substring("/dev/pts/".length())));
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
  }
}
