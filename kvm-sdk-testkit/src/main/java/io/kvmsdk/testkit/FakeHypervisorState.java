package io.kvmsdk.testkit;

import io.kvmsdk.core.domain.DomainState;
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
  final FakeNetworks networks;
  final FakeStorage storage;
  final FakeNwfilters nwfilters;
  final List<FaultRule> rules = new ArrayList<>();
  final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
  Duration shutdownDelay = Duration.ZERO;
  boolean crashed;
  int nextId = 1;
  long uuidSeq;
  /** Guest agents by domain name (see {@link FakeGuestAgent}), made on first use. */
  final Map<String, FakeGuestAgent> agents = new java.util.HashMap<>();

  FakeHypervisorState(String name, FakeClock clock, Object cluster) {
    this.name = name;
    this.clock = clock;
    this.cluster = cluster;
    this.hostUuid = java.util.UUID.nameUUIDFromBytes(("fake-host/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    this.ticker = clock.ticker();
    this.networks = new FakeNetworks(name);
    this.storage = new FakeStorage(name);
    this.nwfilters = new FakeNwfilters(name);
  }

  /** One domain. */
  static final class Dom {
    String name;
    final String uuid;
    String persistentXml;   // null: transient
    String liveXml;         // null: inactive
    DomainState state = DomainState.SHUTOFF;
    boolean autostart;
    boolean ignoresShutdown;
    int id = -1;
    Instant runningSince;
    Duration ranBefore = Duration.ZERO;
    Instant shutdownAt;
    final Map<String, Snap> snapshots = new LinkedHashMap<>();
    String currentSnapshot;

    Dom(String name, String uuid) {
      this.name = name;
      this.uuid = uuid;
    }

    boolean active() { return liveXml != null; }

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
