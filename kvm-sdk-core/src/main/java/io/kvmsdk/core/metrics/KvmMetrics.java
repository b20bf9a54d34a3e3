package io.kvmsdk.core.metrics;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.node.NodeInfo;
import io.kvmsdk.core.spi.Hypervisor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one connection's host and guests as Micrometer meters, named and typed as Prometheus
 * expects them ({@code kvm_domain_vcpu_seconds_total}, {@code kvm_domain_block_read_bytes_total}, ...;
 * counters are counters, values in base units).
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * KvmMetrics metrics = KvmMetrics.of(kvm);      // or KvmMetrics.builder(kvm).host("hv1").build()
 * metrics.bindTo(registry);
 * String text = registry.scrape();              // one bulk-stats call for every guest of the host
 * }</pre>
 *
 * <p><b>Freshness.</b> A scrape reads fresh statistics: the first meter a scrape reads makes one
 * bulk-statistics call ({@code virConnectGetAllDomainStats}, never one call per guest) plus
 * {@code virNodeGetInfo} and {@code virNodeGetFreeMemory}, and every other meter of that scrape reads
 * the same snapshot. A snapshot younger than {@link Builder#maxAge(Duration) maxAge} (1 s by default,
 * in the connection's {@link Kvm#ticker() ticker} time) is reused; a lifecycle event makes it stale.
 * No thread is needed for a pull registry such as Prometheus'; for push registries,
 * {@link Builder#refreshInterval(Duration) refreshInterval} refreshes on a daemon thread instead and
 * meters only read the latest snapshot.
 *
 * <p><b>Meters</b> (Prometheus names), tagged {@code host}, and {@code guest}, {@code disk},
 * {@code interface} where they apply:
 * <ul>
 *   <li>host: {@code kvm_host_up} (1 while statistics can be read), {@code kvm_host_cpus},
 *       {@code kvm_host_memory_bytes}, {@code kvm_host_memory_free_bytes}, {@code kvm_host_domains}
 *       (every guest the host knows), {@code kvm_host_domains_running},
 *       {@code kvm_host_scrape_errors_total};</li>
 *   <li>guest: {@code kvm_domain_state} (libvirt's {@code virDomainState}: 1 running, 3 paused,
 *       5 shut off, 6 crashed, ...), {@code kvm_domain_vcpus}, {@code kvm_domain_vcpu_seconds_total}
 *       (time the vCPUs ran), {@code kvm_domain_cpu_seconds_total} (all of the guest's CPU time),
 *       {@code kvm_domain_memory_balloon_current_bytes}, {@code ..._maximum_bytes},
 *       {@code ..._available_bytes} (when the guest's balloon driver reports it),
 *       {@code kvm_domain_memory_rss_bytes};</li>
 *   <li>per disk: {@code kvm_domain_block_read_bytes_total}, {@code ..._write_bytes_total},
 *       {@code ..._read_requests_total}, {@code ..._write_requests_total};</li>
 *   <li>per interface: {@code kvm_domain_network_receive_bytes_total}, {@code ..._transmit_bytes_total},
 *       {@code ..._receive_packets_total}, {@code ..._transmit_packets_total},
 *       {@code ..._receive_drops_total}, {@code ..._transmit_drops_total},
 *       {@code ..._receive_errors_total}, {@code ..._transmit_errors_total};</li>
 *   <li>events, fed by the connection's event loop ({@link io.kvmsdk.core.KvmEvents}):
 *       {@code kvm_domain_events_total{event="started|stopped|crashed|..."}} (crashed: libvirt's CRASHED
 *       events and the stops it words CRASHED or FAILED, as when QEMU dies) and
 *       {@code kvm_domain_migrations_total{direction="in|out"}}.</li>
 * </ul>
 * A value the hypervisor does not report has no meter (a shut-off guest has only its state and CPU
 * time). Meters of a guest, disk or interface that is gone are removed from the registry by the refresh
 * that sees it gone; when that refresh runs inside a scrape, the metric family being written at that
 * moment may still show the gone guest once, with its last values.
 *
 * <p><b>Names that cannot be a tag as they are.</b> A guest, disk or interface name with control
 * characters or a broken surrogate pair is tagged with each such character written as
 * {@code &#92;uXXXX}, and a warning says so; a name that is empty, or that would then collide with
 * another guest's tag, is left out with a warning. The exposition is never broken.
 *
 * <p>Bind an instance to one registry (a {@code CompositeMeterRegistry} to publish to several);
 * {@link #close()} stops listening and removes its meters. Thread-safe.
 */
public final class KvmMetrics implements MeterBinder, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KvmMetrics.class);

  private final Kvm kvm;
  private final Hypervisor hypervisor;
  private final String host;
  private final Tags hostTags;
  private final long maxAgeNanos;
  private final Duration refreshInterval;
  private final boolean events;

  private final Object lock = new Object();
  private MeterRegistry registry;
  private final List<Meter> hostMeters = new ArrayList<>();
  private final Map<String, Guest> guests = new HashMap<>();
  private final Map<String, String> guestByTag = new HashMap<>();
  private final Set<String> warned = new HashSet<>();
  private int generation;
  private volatile long refreshedAt;
  private volatile boolean fresh;
  private volatile boolean closed;
  private KvmSubscription subscription;
  private ScheduledExecutorService scheduler;

  // host values, written under the lock, read by meters
  private volatile double up;
  private volatile double cpus = Double.NaN;
  private volatile double memory = Double.NaN;
  private volatile double memoryFree = Double.NaN;
  private volatile double domains;
  private volatile double domainsRunning;
  private volatile double scrapeErrors;

  private final Map<DomainEventType, Counter> eventCounters = new EnumMap<>(DomainEventType.class);
  private Counter migrationsIn;
  private Counter migrationsOut;

  private KvmMetrics(Builder b) {
    this.kvm = b.kvm;
    this.hypervisor = kvm.hypervisor();
    this.host = b.host != null ? b.host : defaultHost(kvm.uri());
    this.hostTags = Tags.of("host", host);
    this.maxAgeNanos = b.maxAge.toNanos();
    this.refreshInterval = b.refreshInterval;
    this.events = b.events;
  }

  /** Metrics of {@code kvm}'s host and guests, with the defaults of {@link Builder}. */
  public static KvmMetrics of(Kvm kvm) { return builder(kvm).build(); }

  /** Starts the options of metrics for {@code kvm}. */
  public static Builder builder(Kvm kvm) { return new Builder(Objects.requireNonNull(kvm, "kvm")); }

  /** Options of {@link KvmMetrics}. */
  public static final class Builder {
    private final Kvm kvm;
    private String host;
    private Duration maxAge = Duration.ofSeconds(1);
    private Duration refreshInterval;
    private boolean events = true;

    private Builder(Kvm kvm) { this.kvm = kvm; }

    /**
     * The {@code host} tag of every meter. Default: the URI's host ({@code qemu+ssh://root@hv1/system}
     * gives {@code hv1}), the fake's name for {@code fake:///NAME}, else this machine's host name.
     */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isEmpty() || !sanitize(host).equals(host)) {
        throw new InvalidSpecException("host", "must be a non-empty tag value without control characters, got '" + sanitize(host) + "'");
      }
      this.host = host;
      return this;
    }

    /** How old a snapshot a scrape may reuse (default 1 s); must be positive. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = positive("maxAge", maxAge);
      return this;
    }

    /**
     * For push registries: refresh every {@code interval} on a daemon thread (the first refresh at
     * {@link #bindTo}); meters then read the latest snapshot and never call the hypervisor themselves.
     * Must be positive.
     */
    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = positive("refreshInterval", interval);
      return this;
    }

    /** Whether to count lifecycle events (default true; a subscription on the connection's event loop). */
    public Builder events(boolean events) {
      this.events = events;
      return this;
    }

    /** The metrics; nothing is read or registered before {@link KvmMetrics#bindTo}. */
    public KvmMetrics build() { return new KvmMetrics(this); }

    private static Duration positive(String field, Duration d) {
      Objects.requireNonNull(d, field);
      if (d.isNegative() || d.isZero()) throw new InvalidSpecException(field, "must be positive, got " + d);
      return d;
    }
  }

  /** The {@code host} tag of this connection's meters. */
  public String host() { return host; }

  // ------------------------------------------------------------------ binding

  /**
   * Registers the host meters, reads the statistics once and registers every guest's meters, and
   * starts counting lifecycle events.
   *
   * @throws KvmException when already bound or closed, or when {@code registry} has a meter of one
   *     of these names that is of another type or has other tag keys, or the same meters for this host
   *     (another {@code KvmMetrics} for it): nothing is registered then
   */
  @Override public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    synchronized (lock) {
      if (closed) throw new KvmException("KvmMetrics for host '" + host + "' is closed; make a new one");
      if (this.registry != null) {
        throw new KvmException("KvmMetrics for host '" + host + "' is already bound to "
            + (this.registry == registry ? "this registry" : "another registry (bind to a CompositeMeterRegistry to publish to several)"));
      }
      checkConflicts(registry);
      this.registry = registry;
      registerHostMeters();
      refreshLocked();
    }
    if (events) subscription = kvm.events().onLifecycle(this::onEvent);
    if (refreshInterval != null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kvm-metrics-" + host);
        t.setDaemon(true);
        return t;
      });
      long every = refreshInterval.toNanos();
      scheduler.scheduleWithFixedDelay(this::backgroundRefresh, every, every, TimeUnit.NANOSECONDS);
    }
  }

  /** A meter this class registers: name, type and tag keys; what {@link #checkConflicts} compares with. */
  record MeterShape(String name, Meter.Type type, Set<String> tagKeys) {}

  static List<MeterShape> shapes() {
    List<MeterShape> out = new ArrayList<>();
    for (String n : List.of("kvm.host.up", "kvm.host.cpus", "kvm.host.memory", "kvm.host.memory.free", "kvm.host.domains", "kvm.host.domains.running")) {
      out.add(new MeterShape(n, Meter.Type.GAUGE, Set.of("host")));
    }
    out.add(new MeterShape("kvm.host.scrape.errors", Meter.Type.COUNTER, Set.of("host")));
    out.add(new MeterShape("kvm.domain.events", Meter.Type.COUNTER, Set.of("host", "event")));
    out.add(new MeterShape("kvm.domain.migrations", Meter.Type.COUNTER, Set.of("host", "direction")));
    for (Def d : GUEST) out.add(new MeterShape(d.name, d.counter ? Meter.Type.COUNTER : Meter.Type.GAUGE, Set.of("host", "guest")));
    for (Def d : DISK) out.add(new MeterShape(d.name, Meter.Type.COUNTER, Set.of("host", "guest", "disk")));
    for (Def d : NIC) out.add(new MeterShape(d.name, Meter.Type.COUNTER, Set.of("host", "guest", "interface")));
    return List.copyOf(out);
  }

  private void checkConflicts(MeterRegistry registry) {
    List<String> problems = new ArrayList<>();
    for (MeterShape s : shapes()) {
      for (Meter m : registry.find(s.name).meters()) {
        Meter.Type type = m.getId().getType();
        Set<String> keys = new TreeSet<>();
        for (Tag t : m.getId().getTagsAsIterable()) keys.add(t.getKey());
        // a registry's common tags (Spring's management.metrics.tags.*) add keys to every meter: more keys are no conflict
        if (type != s.type || !keys.containsAll(s.tagKeys)) {
          problems.add("'" + s.name + "' is there as a " + type + " tagged " + keys + ", KvmMetrics needs a " + s.type + " tagged " + new TreeSet<>(s.tagKeys));
        } else if (host.equals(m.getId().getTag("host"))) {
          problems.add("'" + s.name + "' is already registered for host '" + host + "' (another KvmMetrics for this host?)");
        }
        if (problems.size() >= 5) break;
      }
    }
    if (!problems.isEmpty()) {
      throw new KvmException("cannot bind KvmMetrics for host '" + host + "': the registry has conflicting meters: " + String.join("; ", problems)
          + ". Remove them, or give this connection another host tag with KvmMetrics.builder(kvm).host(...)");
    }
  }

  private void registerHostMeters() {
    hostMeters.add(gauge("kvm.host.up", "1 while the host's statistics can be read, 0 when the last read failed", null, m -> m.up));
    hostMeters.add(gauge("kvm.host.cpus", "Logical CPUs of the host (virNodeGetInfo)", null, m -> m.cpus));
    hostMeters.add(gauge("kvm.host.memory", "Memory of the host (virNodeGetInfo)", "bytes", m -> m.memory));
    hostMeters.add(gauge("kvm.host.memory.free", "Free memory of the host (virNodeGetFreeMemory)", "bytes", m -> m.memoryFree));
    hostMeters.add(gauge("kvm.host.domains", "Guests the host knows: persistent ones and running transient ones", null, m -> m.domains));
    hostMeters.add(gauge("kvm.host.domains.running", "Guests in state running", null, m -> m.domainsRunning));
    hostMeters.add(FunctionCounter.builder("kvm.host.scrape.errors", this, m -> {
          m.ensureFresh(); // read first in a scrape, it must count that scrape's failed read too
          return m.scrapeErrors;
        })
        .description("Failed reads of the host's statistics").tags(hostTags).register(registry));
    if (events) {
      for (DomainEventType t : DomainEventType.values()) {
        Counter c = Counter.builder("kvm.domain.events").description("Guest lifecycle events (libvirt's virDomainEventType)")
            .tags(hostTags).tag("event", t.name().toLowerCase(Locale.ROOT)).register(registry);
        eventCounters.put(t, c);
        hostMeters.add(c);
      }
      migrationsIn = Counter.builder("kvm.domain.migrations").description("Guests that migrated to (in) or away from (out) the host")
          .tags(hostTags).tag("direction", "in").register(registry);
      migrationsOut = Counter.builder("kvm.domain.migrations").description("Guests that migrated to (in) or away from (out) the host")
          .tags(hostTags).tag("direction", "out").register(registry);
      hostMeters.add(migrationsIn);
      hostMeters.add(migrationsOut);
    }
  }

  private Gauge gauge(String name, String help, String unit, java.util.function.ToDoubleFunction<KvmMetrics> value) {
    return Gauge.builder(name, this, m -> {
      m.ensureFresh();
      return value.applyAsDouble(m);
    }).description(help).baseUnit(unit).tags(hostTags).strongReference(true).register(registry);
  }

  // ------------------------------------------------------------------ events

  private void onEvent(DomainEvent e) {
    fresh = false; // the next scrape reads again: a guest started, stopped, appeared or went
    Counter c = eventCounters.get(e.type());
    if (c != null) c.increment();
    // libvirt reports a guest whose QEMU died as STOPPED/FAILED and one destroyed after a panic as STOPPED/CRASHED:
    // crashes too, beside the CRASHED events of a guest kept after a panic (on_crash preserve)
    if (e.type() == DomainEventType.STOPPED && ("FAILED".equals(e.detail()) || "CRASHED".equals(e.detail()))) {
      Counter crashed = eventCounters.get(DomainEventType.CRASHED);
      if (crashed != null) crashed.increment();
    }
    if ("MIGRATED".equals(e.detail())) {
      if (e.type() == DomainEventType.STARTED) migrationsIn.increment();
      else if (e.type() == DomainEventType.STOPPED) migrationsOut.increment();
    }
  }

  // ------------------------------------------------------------------ refresh

  /**
   * Reads the statistics now (one bulk call) and updates the meters: registers those of new guests,
   * disks and interfaces, removes those of the ones that are gone. A failed read sets
   * {@code kvm_host_up} to 0, counts in {@code kvm_host_scrape_errors_total} and keeps the last values.
   */
  public void refresh() {
    synchronized (lock) {
      if (!closed) refreshLocked();
    }
  }

  /** Called by every meter's read: refreshes once per scrape unless a push-mode thread does it. */
  void ensureFresh() {
    if (refreshInterval != null || closed) return;
    if (fresh && hypervisor.ticker().nanoTime() - refreshedAt < maxAgeNanos) return;
    synchronized (lock) {
      if (closed || (fresh && hypervisor.ticker().nanoTime() - refreshedAt < maxAgeNanos)) return;
      refreshLocked();
    }
  }

  private void backgroundRefresh() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("refreshing the metrics of host '{}' failed", host, e);
    }
  }

  private void refreshLocked() {
    fresh = true;
    Map<String, Map<String, Object>> all;
    NodeInfo info;
    long free;
    try {
      all = hypervisor.domains().allStats();
      info = hypervisor.node().info();
      free = hypervisor.node().freeMemory();
    } catch (KvmException e) {
      refreshedAt = hypervisor.ticker().nanoTime();
      scrapeErrors++;
      if (up != 0 || scrapeErrors == 1) LOG.warn("cannot read the statistics of host '{}' ({}): kvm_host_up is 0, the last values stay", host, e.getMessage());
      up = 0;
      return;
    }
    if (up == 0 && scrapeErrors > 0) LOG.info("the statistics of host '{}' can be read again", host);
    up = 1;
    cpus = info.cpus();
    memory = info.memory().bytes();
    memoryFree = free;
    int gen = ++generation;
    int total = 0;
    int running = 0;
    for (Map.Entry<String, Map<String, Object>> e : all.entrySet()) {
      Guest g = guests.get(e.getKey());
      if (g == null) {
        g = newGuest(e.getKey());
        guests.put(e.getKey(), g);
      }
      g.generation = gen;
      total++;
      if (g.tags == null) continue; // left out: its name cannot be a tag
      if (g.update(e.getValue(), gen) == 1) running++;
    }
    if (guests.size() > total) { // a guest is gone
      for (Iterator<Guest> it = guests.values().iterator(); it.hasNext(); ) {
        Guest g = it.next();
        if (g.generation != gen) {
          g.remove();
          if (g.tags != null) guestByTag.remove(g.tagValue);
          it.remove();
        }
      }
    }
    domains = total;
    domainsRunning = running;
    refreshedAt = hypervisor.ticker().nanoTime(); // the age counts from the end: a slow read is not read again at once
  }

  private Guest newGuest(String name) {
    String tag = sanitize(name);
    Guest g = new Guest();
    g.name = name;
    if (tag.isEmpty()) {
      warnOnce(name, "a guest with an empty name is left out of the metrics");
      return g;
    }
    String other = guestByTag.get(tag);
    if (other != null) {
      warnOnce(name, "guest '" + tag + "' is left out of the metrics: its name, written as a tag value, is the same as guest '"
          + sanitize(other) + "''s");
      return g;
    }
    if (!tag.equals(name)) {
      warnOnce(name, "the name of guest '" + tag + "' has characters that cannot stand in a tag value (control characters or a broken"
          + " surrogate pair): its metrics carry guest=\"" + tag + "\", those characters written as \\uXXXX");
    }
    g.tagValue = tag;
    g.tags = hostTags.and("guest", tag);
    guestByTag.put(tag, name);
    return g;
  }

  private void warnOnce(String name, String message) {
    if (warned.size() < 10_000 && warned.add(name)) LOG.warn("host '{}': {}", host, message);
  }

  /**
   * {@code s} as a tag value: each control character (which a line-oriented reader of the text
   * exposition would trip on) and each lone surrogate (which is no character at all) written as
   * {@code &#92;uXXXX}; every other character kept (the registry escapes quotes and backslashes).
   */
  static String sanitize(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!bad) {
          if (out != null) out.append(c).append(s.charAt(i + 1));
          i++;
          continue;
        }
      } else {
        bad = Character.isLowSurrogate(c) || Character.isISOControl(c);
      }
      if (bad && out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
      if (out != null) {
        if (bad) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  // ------------------------------------------------------------------ per guest

  /** What a guest meter shows: Prometheus-style name (Micrometer dots), counter or gauge, unit, help, libvirt key, scale. */
  private record Def(String name, boolean counter, String unit, String help, String key, double scale) {}

  private static final double NS = 1e-9;
  private static final int STATE = 0;
  private static final int VCPU = 2;
  private static final Def[] GUEST = {
      new Def("kvm.domain.state", false, null, "State of the guest (libvirt's virDomainState: 1 running, 3 paused, 5 shut off, 6 crashed, ...)",
          "state.state", 1),
      new Def("kvm.domain.vcpus", false, null, "vCPUs the guest has now", "vcpu.current", 1),
      new Def("kvm.domain.vcpu", true, "seconds", "Time the guest's vCPUs ran (sum of vcpu.N.time)", null, NS),
      new Def("kvm.domain.cpu", true, "seconds", "CPU time of the guest's process, vCPUs and emulator threads (cpu.time)", "cpu.time", NS),
      new Def("kvm.domain.memory.balloon.current", false, "bytes", "Memory the guest has now (balloon.current)", "balloon.current", 1024),
      new Def("kvm.domain.memory.balloon.maximum", false, "bytes", "Memory the guest may have at most (balloon.maximum)", "balloon.maximum", 1024),
      new Def("kvm.domain.memory.balloon.available", false, "bytes", "Memory the guest's OS sees as its own (balloon.available)",
          "balloon.available", 1024),
      new Def("kvm.domain.memory.rss", false, "bytes", "Resident memory of the guest's process on the host (balloon.rss)", "balloon.rss", 1024),
  };
  private static final Def[] DISK = {
      new Def("kvm.domain.block.read", true, "bytes", "Bytes the guest read from the disk", "rd.bytes", 1),
      new Def("kvm.domain.block.write", true, "bytes", "Bytes the guest wrote to the disk", "wr.bytes", 1),
      new Def("kvm.domain.block.read.requests", true, null, "Read requests of the guest to the disk", "rd.reqs", 1),
      new Def("kvm.domain.block.write.requests", true, null, "Write requests of the guest to the disk", "wr.reqs", 1),
  };
  private static final Def[] NIC = {
      new Def("kvm.domain.network.receive", true, "bytes", "Bytes the guest received on the interface", "rx.bytes", 1),
      new Def("kvm.domain.network.transmit", true, "bytes", "Bytes the guest sent on the interface", "tx.bytes", 1),
      new Def("kvm.domain.network.receive.packets", true, null, "Packets the guest received on the interface", "rx.pkts", 1),
      new Def("kvm.domain.network.transmit.packets", true, null, "Packets the guest sent on the interface", "tx.pkts", 1),
      new Def("kvm.domain.network.receive.drops", true, null, "Received packets dropped on the interface", "rx.drop", 1),
      new Def("kvm.domain.network.transmit.drops", true, null, "Packets to send dropped on the interface", "tx.drop", 1),
      new Def("kvm.domain.network.receive.errors", true, null, "Receive errors on the interface", "rx.errs", 1),
      new Def("kvm.domain.network.transmit.errors", true, null, "Transmit errors on the interface", "tx.errs", 1),
  };

  /** One exported value: the meter while the hypervisor reports it, and its latest reading. */
  private static final class Slot {
    final KvmMetrics owner;
    volatile double value;
    Meter meter;

    Slot(KvmMetrics owner) { this.owner = owner; }

    double read() {
      owner.ensureFresh();
      return value;
    }
  }

  /** Sets {@code slot} to {@code raw * def.scale} when reported (registering its meter), else removes its meter. */
  private void set(Slot slot, Def def, Tags tags, Object raw) {
    if (raw instanceof Number n) {
      slot.value = n.doubleValue() * def.scale;
      if (slot.meter == null && registry != null) slot.meter = register(def, slot, tags);
    } else {
      clear(slot);
    }
  }

  private void set(Slot slot, Def def, Tags tags, boolean reported, double value) {
    if (reported) {
      slot.value = value * def.scale;
      if (slot.meter == null && registry != null) slot.meter = register(def, slot, tags);
    } else {
      clear(slot);
    }
  }

  private void clear(Slot slot) {
    if (slot.meter != null) {
      registry.remove(slot.meter);
      slot.meter = null;
    }
  }

  private Meter register(Def d, Slot s, Tags tags) {
    if (d.counter) return FunctionCounter.builder(d.name, s, Slot::read).description(d.help).baseUnit(d.unit).tags(tags).register(registry);
    return Gauge.builder(d.name, s, Slot::read).description(d.help).baseUnit(d.unit).tags(tags).strongReference(true).register(registry);
  }

  private final class Guest {
    String name;
    String tagValue;
    Tags tags; // null: left out
    int generation;
    final Slot[] slots = newSlots(GUEST.length);
    final Map<String, Device> disks = new HashMap<>(4);
    final Map<String, Device> nics = new HashMap<>(4);

    /** Updates from one guest's typed parameters; returns its state ({@code virDomainState}) or -1. */
    int update(Map<String, Object> p, int gen) {
      for (int i = 0; i < GUEST.length; i++) {
        if (i == VCPU) continue;
        set(slots[i], GUEST[i], tags, p.get(GUEST[i].key));
      }
      // vcpu.N.time for each vCPU libvirt lists (up to vcpu.maximum)
      Object max = p.get("vcpu.maximum");
      int n = max instanceof Number m ? m.intValue() : 0;
      long sum = 0;
      boolean any = false;
      for (int i = 0; i < n; i++) {
        Object t = p.get(Keys.vcpuTime(i));
        if (t instanceof Number v) {
          sum += v.longValue();
          any = true;
        }
      }
      set(slots[VCPU], GUEST[VCPU], tags, any, sum);
      devices(p, true, disks, DISK, "disk", gen);
      devices(p, false, nics, NIC, "interface", gen);
      Object st = p.get(GUEST[STATE].key);
      return st instanceof Number s ? s.intValue() : -1;
    }

    private void devices(Map<String, Object> p, boolean block, Map<String, Device> seen, Def[] defs, String tagKey, int gen) {
      Object count = p.get(block ? "block.count" : "net.count");
      int n = count instanceof Number c ? c.intValue() : 0;
      int updated = 0;
      for (int i = 0; i < n; i++) {
        String[] keys = block ? Keys.block(i) : Keys.net(i);
        Object nameValue = p.get(keys[0]);
        if (!(nameValue instanceof String devName)) continue;
        Device d = seen.get(devName);
        if (d == null) {
          d = newDevice(devName, seen, defs.length, tagKey);
          seen.put(devName, d);
        }
        if (d.generation != gen) updated++;
        d.generation = gen;
        if (d.tags == null) continue;
        for (int j = 0; j < defs.length; j++) set(d.slots[j], defs[j], d.tags, p.get(keys[j + 1]));
      }
      if (seen.size() > updated) { // a disk or interface is gone (names are unique: no sweep, no iterator otherwise)
        for (Iterator<Device> it = seen.values().iterator(); it.hasNext(); ) {
          Device d = it.next();
          if (d.generation != gen) {
            for (Slot s : d.slots) clear(s);
            it.remove();
          }
        }
      }
    }

    private Device newDevice(String devName, Map<String, Device> seen, int slots, String tagKey) {
      Device d = new Device(slots);
      String tag = sanitize(devName);
      boolean taken = false;
      for (Device other : seen.values()) taken |= tag.equals(other.tagValue);
      if (tag.isEmpty() || taken) {
        warnOnce(name + "\n" + devName, "guest '" + tagValue + "': " + tagKey + " '" + tag
            + "' is left out of the metrics (an empty name, or the same tag value as another " + tagKey + " of the guest)");
        return d;
      }
      if (!tag.equals(devName)) {
        warnOnce(name + "\n" + devName, "guest '" + tagValue + "': the name of " + tagKey + " '" + tag
            + "' has characters that cannot stand in a tag value: tagged with them written as \\uXXXX");
      }
      d.tagValue = tag;
      d.tags = tags.and(tagKey, tag);
      return d;
    }

    void remove() {
      for (Slot s : slots) clear(s);
      for (Device d : disks.values()) for (Slot s : d.slots) clear(s);
      for (Device d : nics.values()) for (Slot s : d.slots) clear(s);
    }
  }

  private final class Device {
    String tagValue;
    Tags tags; // null: left out
    int generation;
    final Slot[] slots;

    Device(int n) { slots = newSlots(n); }
  }

  private Slot[] newSlots(int n) {
    Slot[] s = new Slot[n];
    for (int i = 0; i < n; i++) s[i] = new Slot(this);
    return s;
  }

  /** libvirt's stats keys per device index, built once: a refresh concatenates no strings. */
  private static final class Keys {
    private static volatile String[][] blocks = new String[0][];
    private static volatile String[][] nets = new String[0][];
    private static volatile String[] vcpus = new String[0];

    static String[] block(int i) {
      String[][] b = blocks;
      if (i < b.length) return b[i];
      synchronized (Keys.class) {
        blocks = grow(blocks, i, "block.", DISK);
        return blocks[i];
      }
    }

    static String[] net(int i) {
      String[][] b = nets;
      if (i < b.length) return b[i];
      synchronized (Keys.class) {
        nets = grow(nets, i, "net.", NIC);
        return nets[i];
      }
    }

    static String vcpuTime(int i) {
      String[] v = vcpus;
      if (i < v.length) return v[i];
      synchronized (Keys.class) {
        if (i >= vcpus.length) {
          String[] n = java.util.Arrays.copyOf(vcpus, Math.max(i + 1, vcpus.length * 2));
          for (int k = vcpus.length; k < n.length; k++) n[k] = "vcpu." + k + ".time";
          vcpus = n;
        }
        return vcpus[i];
      }
    }

    private static String[][] grow(String[][] old, int i, String prefix, Def[] defs) {
      if (i < old.length) return old;
      String[][] n = java.util.Arrays.copyOf(old, Math.max(i + 1, old.length * 2));
      for (int k = old.length; k < n.length; k++) {
        String[] keys = new String[defs.length + 1];
        keys[0] = prefix + k + ".name";
        for (int j = 0; j < defs.length; j++) keys[j + 1] = prefix + k + "." + defs[j].key;
        n[k] = keys;
      }
      return n;
    }
  }

  // ------------------------------------------------------------------ close, host name

  /** Stops counting events and refreshing, and removes every meter this instance registered. Idempotent. */
  @Override public void close() {
    KvmSubscription sub;
    ScheduledExecutorService sch;
    synchronized (lock) {
      if (closed) return;
      closed = true;
      sub = subscription;
      sch = scheduler;
      if (registry != null) {
        for (Guest g : guests.values()) g.remove();
        for (Meter m : hostMeters) registry.remove(m);
      }
      guests.clear();
      guestByTag.clear();
      hostMeters.clear();
    }
    if (sub != null) sub.close();
    if (sch != null) sch.shutdownNow();
  }

  static String defaultHost(String uri) {
    try {
      URI u = URI.create(uri);
      if (u.getHost() != null && !u.getHost().isEmpty()) return u.getHost();
      if ("fake".equals(u.getScheme()) && u.getPath() != null && u.getPath().length() > 1) return u.getPath().substring(1);
    } catch (IllegalArgumentException e) {
      // not a URI we can read: fall back to this machine's name
    }
    return localHostName();
  }

  private static String localHostName() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
      if (!h.isEmpty()) return h;
    } catch (java.io.IOException | SecurityException e) {
      // not Linux: ask Java
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  @Override public String toString() {
    return "KvmMetrics[" + host + ", " + kvm.uri() + (registry == null ? ", unbound" : "") + (closed ? ", closed" : "") + "]";
  }

  /** The state a tag value has; for tests. */
  Optional<String> guestTag(String guestName) {
    synchronized (lock) {
      Guest g = guests.get(guestName);
      return g == null || g.tags == null ? Optional.empty() : Optional.of(g.tagValue);
    }
  }
}
