package io.kvmsdk.testkit;

import io.kvmsdk.core.domain.DomainSpec;
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
  final List<FaultRule> rules = new ArrayList<>();
  final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
  Duration shutdownDelay = Duration.ZERO;
  boolean crashed;
  int nextId = 1;
  long uuidSeq;

  FakeHypervisorState(String name, FakeClock clock, Object cluster) {
    this.name = name;
    this.clock = clock;
    this.cluster = cluster;
    this.hostUuid = java.util.UUID.nameUUIDFromBytes(("fake-host/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    this.ticker = clock.ticker();
  }

  /** One domain. */
  static final class Dom {
    String name;
    final String uuid;
    String persistentXml;   // null: transient
    String liveXml;         // null: inactive
    /** The parsed forms of the two XMLs, each valid while its XML is the very string it was made from. */
    private DomainSpec persistentSpec;
    private String persistentSpecOf;
    private DomainSpec liveSpec;
    private String liveSpecOf;
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

    /** Sets the persistent definition from its spec (no id) and that spec's XML. */
    void persistent(DomainSpec spec, String xml) {
      persistentXml = xml;
      persistentSpec = spec;
      persistentSpecOf = xml;
    }

    /** Sets the live definition from its spec (with the runtime id) and that spec's XML. */
    void live(DomainSpec spec, String xml) {
      liveXml = xml;
      liveSpec = spec;
      liveSpecOf = xml;
    }

    /** The persistent definition parsed (null if transient), parsed again only if {@link #persistentXml} was replaced. */
    DomainSpec persistentSpec() {
      if (persistentXml == null) {
        persistentSpec = null;   // let the old definition go
        persistentSpecOf = null;
        return null;
      }
      if (persistentSpecOf != persistentXml) {
        persistentSpec = DomainSpec.fromXml(persistentXml);
        persistentSpecOf = persistentXml;
      }
      return persistentSpec;
    }

    /** The live definition parsed (null if inactive), parsed again only if {@link #liveXml} was replaced. */
    DomainSpec liveSpec() {
      if (liveXml == null) {
        liveSpec = null;   // let the old definition go
        liveSpecOf = null;
        return null;
      }
      if (liveSpecOf != liveXml) {
        liveSpec = DomainSpec.fromXml(liveXml);
        liveSpecOf = liveXml;
      }
      return liveSpec;
    }

    /** The definition statistics and snapshots describe: the live one if active, else the persistent one. */
    DomainSpec currentSpec() { return active() ? liveSpec() : persistentSpec(); }

    Duration runTime(Instant now) {
      return runningSince == null || state != DomainState.RUNNING ? ranBefore : ranBefore.plus(Duration.between(runningSince, now));
    }
  }

  /** One snapshot: its XML and the domain state it captured. */
  record Snap(String name, String xml, String domainXml, DomainState state, String parent) {}

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
