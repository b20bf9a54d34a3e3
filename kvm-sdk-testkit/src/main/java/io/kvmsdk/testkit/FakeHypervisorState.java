package io.kvmsdk.testkit;

import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.xml.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import io.kvmsdk.core.domain.DomainEvent;

/** The state of one fake hypervisor host, shared by its connections. Guarded by {@link #lock}. */
final class FakeHypervisorState {
  final String name;
  final FakeClock clock;
  final Object cluster;
  /** The host's UUID (what {@code virConnectGetCapabilities} reports as host/uuid), derived from its name. */
  final String hostUuid;
  /** Waiters on this host read and advance the fake clock instead of sleeping. */
  final io.kvmsdk.core.spi.Ticker ticker;
  final Object lock = new Object();
  final Map<String, Dom> domains = new LinkedHashMap<>();
  final Map<String, Secret> secrets = new LinkedHashMap<>();
  final FakeNetworks.Data networks = new FakeNetworks.Data();
  final FakeStoragePools.Data storage = new FakeStoragePools.Data();
  final FakeNwfilters.Data nwfilters = new FakeNwfilters.Data();
  final List<FaultRule> rules = new ArrayList<>();
  final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
  final List<Consumer<io.kvmsdk.core.domain.DomainJobEvent>> jobListeners = new CopyOnWriteArrayList<>();
  /** Migrations leaving this host, by domain name (removed when they end). */
  final Map<String, FakeMigration> outgoing = new java.util.HashMap<>();
  /** Migrations arriving at this host, by domain name (removed when they end). */
  final Map<String, FakeMigration> incoming = new java.util.HashMap<>();
  /** Bytes per second this host sends migrations at ({@code Long.MAX_VALUE}: as fast as asked). */
  long migrationLink = Long.MAX_VALUE;
  /** Whether QEMU finds TLS credentials for migration on this host ({@code /etc/pki/qemu}). */
  boolean migrationTls;
  Duration shutdownDelay = Duration.ZERO;
  /** What {@code virNodeGetInfo} reports: 16 CPUs, 64 GiB unless a test sets {@code resources(...)}. */
  io.kvmsdk.core.node.NodeInfo node = new io.kvmsdk.core.node.NodeInfo("x86_64", io.kvmsdk.core.Size.kib(64L * 1024 * 1024), 16, 2400, 1, 1, 16, 1);
  volatile boolean crashed;
  /** When the host last crashed (kept after a reboot): a migration it broke fails at that instant, not when it is next looked at. */
  volatile Instant crashedAt;
  int nextId = 1;
  /** The next tap number ({@code vnetN}) an interface gets when its domain starts, as libvirtd counts them. */
  int nextTap;
  long uuidSeq;
  /** What libvirt's QEMU driver generates per daemon (ptys, display ports, taps), seeded by the host name so fakes are reproducible. */
  final io.kvmsdk.testkit.qemu.QemuHost qemu;
  /** Guest agents by domain name (see {@link FakeGuestAgent}), made on first use. */
  final Map<String, FakeGuestAgent> agents = new java.util.HashMap<>();

  /** libvirt's stock {@code default} network ({@code /usr/share/libvirt/networks/default.xml}). */
  static final String DEFAULT_NETWORK = defaultNetwork();

  private static String defaultNetwork() {
    XmlElement range = XmlElement.builder("range").attr("start", "192.168.122.2").attr("end", "192.168.122.254").build();
    XmlElement ip = XmlElement.builder("ip").attr("address", "192.168.122.1").attr("netmask", "255.255.255.0")
        .child(XmlElement.builder("dhcp").child(range).build()).build();
    return XmlElement.builder("network")
        .child(XmlElement.builder("name").text("default").build())
        .child(XmlElement.builder("forward").attr("mode", "nat").build())
        .child(XmlElement.builder("bridge").attr("name", "virbr0").attr("stp", "on").attr("delay", "0").build())
        .child(ip).build().toXml();
  }

  FakeHypervisorState(String name, FakeClock clock, Object cluster) {
    this.name = name;
    this.clock = clock;
    this.cluster = cluster;
    this.hostUuid = java.util.UUID.nameUUIDFromBytes(("fake-host/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    this.ticker = clock.ticker();
    this.qemu = io.kvmsdk.testkit.qemu.QemuHost.seeded(name.hashCode());
  }

  /** A new host, set up like one with Debian's libvirt-daemon-config-network: the 'default' NAT network, active and autostarted. */
  static FakeHypervisorState create(String name, FakeClock clock, Object cluster) {
    FakeHypervisorState st = new FakeHypervisorState(name, clock, cluster);
    FakeHypervisor boot = new FakeHypervisor(st);
    boot.networks().define(DEFAULT_NETWORK);
    boot.networks().start("default");
    boot.networks().setAutostart("default", true);
    boot.close();
    return st;
  }

  /** A deterministic UUID for a new object of this host. Guarded by the lock. */
  String uuidFor(String what) {
    return java.util.UUID.nameUUIDFromBytes((name + "/" + what + "/" + (uuidSeq++)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  /** A deterministic MAC address in QEMU's range ({@code 52:54:00:xx:xx:xx}) for a new guest interface. Guarded by the lock. */
  String newMac() {
    long bits = java.util.UUID.nameUUIDFromBytes((name + "/nic-mac/" + (uuidSeq++)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .getLeastSignificantBits();
    return String.format("52:54:00:%02x:%02x:%02x", bits >> 16 & 0xff, bits >> 8 & 0xff, bits & 0xff);
  }

  /** One domain. */
  static final class Dom {
    String name;
    final String uuid;
    /** The persistent definition, without the runtime id; null: transient. Rendered to XML only when asked. */
    DomainSpec persistent;
    /** The live definition, with the runtime id; null: inactive. Rendered to XML only when asked. */
    DomainSpec live;
    /** The definition the running guest was started from (its configuration without what the start added); null: inactive. */
    DomainSpec booted;
    DomainState state = DomainState.SHUTOFF;
    boolean autostart;
    boolean ignoresShutdown;
    int id = -1;
    Instant runningSince;
    Duration ranBefore = Duration.ZERO;
    Instant shutdownAt;
    final Map<String, Snap> snapshots = new LinkedHashMap<>();
    String currentSnapshot;
    /** QEMU's migration parameters, kept by the domain while it runs. */
    long maxDowntimeMs = 300;
    long maxSpeedMib = FakeMigration.UNLIMITED_MIB;
    long maxPostcopySpeedMib;
    /** Bytes per second the guest dirties (a test control; moves with the guest). */
    long dirtyRate;
    /** The memory the guest keeps rewriting, bytes (0: all of it). */
    long workingSet;
    /** The last completed job's type and statistics, or null. */
    io.kvmsdk.core.domain.DomainJobType completedType;
    Map<String, Object> completedJob;

    Dom(String name, String uuid) {
      this.name = name;
      this.uuid = uuid;
    }

    boolean active() { return live != null; }

    /** The persistent definition as XML (formatted on each call, as libvirt formats it per request), or null if transient. */
    String persistentXml() { return persistent == null ? null : persistent.toXml(); }

    /** The live definition as XML (formatted on each call), or null if inactive. */
    String liveXml() { return live == null ? null : live.toXml(); }

    /** The definition statistics and snapshots describe: the live one if active, else the persistent one. */
    DomainSpec currentSpec() { return active() ? live : persistent; }

    Duration runTime(Instant now) {
      return runningSince == null || state != DomainState.RUNNING ? ranBefore : ranBefore.plus(Duration.between(runningSince, now));
    }
  }

  /**
   * One snapshot: its XML, the definition it captured (live if the domain ran), the next-boot
   * definition at that time ({@code null} for a transient domain) and the state it captured.
   */
  record Snap(String name, String xml, String domainXml, String inactiveXml, DomainState state, String parent) {}

  /** One secret. */
  static final class Secret {
    final String uuid;
    String xml;
    byte[] value;

    Secret(String uuid, String xml) {
      this.uuid = uuid;
      this.xml = xml;
    }
  }
}
