package io.kvmsdk.testkit.metrics;

import static io.kvmsdk.core.testing.PrometheusText.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.metrics.KvmMetrics;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import io.kvmsdk.testkit.FakeCluster;
import io.kvmsdk.testkit.FakeHypervisor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link KvmMetrics} on the testkit's fake host: the exposition Prometheus reads, checked by promtool. */
class KvmMetricsFakeTest {

  static DomainSpec guest(String name) {
    return DomainSpec.builder().type("kvm").name(name).osType("hvm").vcpus(2).memory(Size.mib(512))
        .addDisk(Disk.file("/var/lib/libvirt/images/" + name.replaceAll("[^a-zA-Z0-9]", "_") + ".qcow2").virtio())
        .addInterface(Nic.network("default").virtio()).build();
  }

  static FakeHypervisor hostWith(String name, int running) {
    FakeHypervisor hv = FakeCluster.create().hypervisor(name);
    Kvm kvm = Kvm.using(hv);
    for (int i = 0; i < running; i++) kvm.domains().define(guest(String.format("g%03d", i))).start();
    return hv;
  }

  static void assertPromtoolAccepts(String exposition) {
    Promtool.Result r = Promtool.checkMetrics(exposition);
    assertThat(r.output()).as("promtool check metrics (lint included)").isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test void thirtyTwoRunningGuestsMakeAnExpositionPromtoolAccepts() {
    FakeHypervisor hv = hostWith("hv32", 32);
    hv.clock().advance(Duration.ofSeconds(10));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      assertThat(metrics.host()).isEqualTo("hv32");
      String text = registry.scrape();
      assertPromtoolAccepts(text);
      Map<String, Double> s = samples(text);

      assertThat(s).containsEntry("kvm_host_up{host=\"hv32\"}", 1.0)
          .containsEntry("kvm_host_cpus{host=\"hv32\"}", 16.0)
          .containsEntry("kvm_host_memory_bytes{host=\"hv32\"}", 64.0 * 1024 * 1024 * 1024)
          .containsEntry("kvm_host_memory_free_bytes{host=\"hv32\"}", (64.0 * 1024 - 32 * 512) * 1024 * 1024)
          .containsEntry("kvm_host_domains{host=\"hv32\"}", 32.0)
          .containsEntry("kvm_host_domains_running{host=\"hv32\"}", 32.0)
          .containsEntry("kvm_host_scrape_errors_total{host=\"hv32\"}", 0.0)
          // 10 s of fake time: each of 2 vCPUs ran 20%, the process 25% per vCPU
          .containsEntry("kvm_domain_vcpu_seconds_total{guest=\"g007\",host=\"hv32\"}", 4.0)
          .containsEntry("kvm_domain_cpu_seconds_total{guest=\"g007\",host=\"hv32\"}", 5.0)
          .containsEntry("kvm_domain_state{guest=\"g007\",host=\"hv32\"}", 1.0)
          .containsEntry("kvm_domain_vcpus{guest=\"g007\",host=\"hv32\"}", 2.0)
          .containsEntry("kvm_domain_memory_balloon_current_bytes{guest=\"g007\",host=\"hv32\"}", 512.0 * 1024 * 1024)
          .containsEntry("kvm_domain_memory_balloon_maximum_bytes{guest=\"g007\",host=\"hv32\"}", 512.0 * 1024 * 1024)
          .containsEntry("kvm_domain_memory_rss_bytes{guest=\"g007\",host=\"hv32\"}", 256.0 * 1024 * 1024)
          .containsEntry("kvm_domain_block_read_bytes_total{disk=\"vda\",guest=\"g007\",host=\"hv32\"}", 10.0 * 1048576)
          .containsEntry("kvm_domain_block_write_bytes_total{disk=\"vda\",guest=\"g007\",host=\"hv32\"}", 10.0 * 524288)
          .containsEntry("kvm_domain_block_read_requests_total{disk=\"vda\",guest=\"g007\",host=\"hv32\"}", 2560.0)
          .containsEntry("kvm_domain_block_write_requests_total{disk=\"vda\",guest=\"g007\",host=\"hv32\"}", 1280.0)
          .containsEntry("kvm_domain_network_receive_bytes_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 1_000_000.0)
          .containsEntry("kvm_domain_network_transmit_bytes_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 500_000.0)
          .containsEntry("kvm_domain_network_receive_packets_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 1000.0)
          .containsEntry("kvm_domain_network_transmit_packets_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 500.0)
          .containsEntry("kvm_domain_network_receive_drops_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 0.0)
          .containsEntry("kvm_domain_network_transmit_errors_total{guest=\"g007\",host=\"hv32\",interface=\"vnet7\"}", 0.0);
      assertThat(s.keySet().stream().filter(k -> k.startsWith("kvm_domain_vcpu_seconds_total{"))).hasSize(32);
      assertThat(text).contains("# TYPE kvm_domain_vcpu_seconds_total counter", "# TYPE kvm_domain_state gauge", "# HELP kvm_domain_vcpu_seconds_total ");
    }
  }

  @Test void theAlertRulesReadOnlyMetricsTheExpositionHas() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(hostWith("hv1", 2)); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      Set<String> names = new HashSet<>();
      for (String series : samples(registry.scrape()).keySet()) names.add(series.replaceAll("\\{.*", ""));
      Pattern metric = Pattern.compile("\\bkvm_[a-z_]+");
      for (io.kvmsdk.core.metrics.AlertRule r : io.kvmsdk.core.metrics.KvmAlerts.defaults().rules()) {
        Matcher m = metric.matcher(r.expr());
        while (m.find()) assertThat(names).as(r.alert() + " reads " + m.group()).contains(m.group());
      }
    }
  }

  @Test void countersMoveWithFakeTimeAndEachScrapeIsOneBulkCall() {
    FakeHypervisor fake = hostWith("hv1", 32);
    CountingHypervisor counting = new CountingHypervisor(fake);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(counting.hypervisor); KvmMetrics metrics = KvmMetrics.builder(kvm).events(false).build()) {
      metrics.bindTo(registry);
      assertThat(counting.take()).as("bindTo reads once").isEqualTo(Map.of("domains.allStats", 1, "node.info", 1, "node.freeMemory", 1));
      fake.clock().advance(Duration.ofSeconds(30));
      Map<String, Double> first = samples(registry.scrape());
      assertThat(counting.take()).as("one scrape of 32 guests: one bulk call, never one per guest")
          .isEqualTo(Map.of("domains.allStats", 1, "node.info", 1, "node.freeMemory", 1));
      assertThat(samples(registry.scrape())).as("a second scrape within maxAge reads the same snapshot").isEqualTo(first);
      assertThat(counting.take()).isEmpty();
      fake.clock().advance(Duration.ofSeconds(60));
      Map<String, Double> second = samples(registry.scrape());
      assertThat(counting.take()).containsEntry("domains.allStats", 1);
      String vcpu = "kvm_domain_vcpu_seconds_total{guest=\"g031\",host=\"hv1\"}";
      assertThat(second.get(vcpu) - first.get(vcpu)).isEqualTo(60 * 2 * 0.2, org.assertj.core.data.Offset.offset(1e-9));
      String rx = "kvm_domain_network_receive_bytes_total{guest=\"g031\",host=\"hv1\",interface=\"vnet31\"}";
      assertThat(second.get(rx) - first.get(rx)).isEqualTo(6_000_000.0);
    }
  }

  private static void awaitStoppedEvents(PrometheusMeterRegistry registry, double count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (registry.find("kvm.domain.events").tag("event", "stopped").counter().count() < count) {
      if (System.nanoTime() > deadline) throw new AssertionError("the STOPPED events did not arrive in 10 s");
      Thread.onSpinWait();
    }
  }

  @Test void guestsThatGoAreRemovedAndNewOnesAppear() {
    FakeHypervisor hv = hostWith("hv1", 3);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      assertThat(series(registry.scrape(), "g001")).isNotEmpty();

      kvm.domains().get("g001").destroy();
      kvm.domains().get("g001").undefine();
      Domain t = kvm.domains().create(guest("transient1"));
      hv.clock().advance(Duration.ofSeconds(5));
      assertPromtoolAccepts(registry.scrape());  // the refresh happens during this scrape: see KvmMetrics' javadoc
      String text = registry.scrape();
      assertPromtoolAccepts(text);
      assertThat(series(text, "g001")).as("an undefined guest leaves the registry").isEmpty();
      assertThat(registry.find("kvm.domain.state").tag("guest", "g001").gauge()).isNull();
      assertThat(series(text, "transient1")).isNotEmpty();

      kvm.domains().get("g002").destroy();
      // the STOPPED event (delivered on the event thread) is what makes the next scrape read again: wait for it; that
      // scrape refreshes when it reads its first meter, so meters it had already listed may still show: judge the next one
      awaitStoppedEvents(registry, 2);
      registry.scrape();
      Map<String, Double> s = samples(registry.scrape());
      assertThat(s).as("a shut-off guest shows its state, and no I/O counters")
          .containsEntry("kvm_domain_state{guest=\"g002\",host=\"hv1\"}", 5.0)
          .doesNotContainKey("kvm_domain_block_read_bytes_total{disk=\"vda\",guest=\"g002\",host=\"hv1\"}")
          .doesNotContainKey("kvm_domain_vcpu_seconds_total{guest=\"g002\",host=\"hv1\"}")
          .containsEntry("kvm_host_domains{host=\"hv1\"}", 3.0)
          .containsEntry("kvm_host_domains_running{host=\"hv1\"}", 2.0);

      t.destroy();  // a transient guest that stops is gone
      awaitStoppedEvents(registry, 3);
      registry.scrape();
      assertThat(series(registry.scrape(), "transient1")).isEmpty();
    }
    assertThat(registry.getMeters()).as("close() removes every meter").isEmpty();
  }

  static List<String> series(String exposition, String guest) {
    List<String> out = new ArrayList<>();
    for (String line : exposition.split("\n")) if (!line.startsWith("#") && line.contains("guest=\"" + guest + "\"")) out.add(line);
    return out;
  }

  @Test void lifecycleEventsAndMigrationsAreCounted() {
    FakeCluster cluster = FakeCluster.create();
    FakeHypervisor a = cluster.hypervisor("a");
    FakeHypervisor b = cluster.hypervisor("b");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kvm ka = Kvm.using(a); Kvm kb = Kvm.using(b); KvmMetrics ma = KvmMetrics.of(ka); KvmMetrics mb = KvmMetrics.of(kb)) {
      ma.bindTo(registry);
      mb.bindTo(registry);
      Domain web = ka.domains().define(guest("web")).start();
      web.suspend();
      web.resume();
      web.migrateTo(kb);
      Domain db = ka.domains().define(guest("db")).start();
      db.destroy();
      assertThat(events(registry, "a", "started")).isEqualTo(2);
      assertThat(events(registry, "a", "stopped")).as("db destroyed, web migrated away").isEqualTo(2);
      assertThat(events(registry, "a", "suspended")).isGreaterThanOrEqualTo(1);
      assertThat(events(registry, "b", "started")).isEqualTo(1);
      assertThat(registry.get("kvm.domain.migrations").tags("host", "a", "direction", "out").counter().count()).isEqualTo(1);
      assertThat(registry.get("kvm.domain.migrations").tags("host", "b", "direction", "in").counter().count()).isEqualTo(1);
      // the events made both snapshots stale: the next read of any meter refreshes
      assertThat(registry.get("kvm.host.domains").tag("host", "b").gauge().value()).isEqualTo(1);
      assertThat(registry.get("kvm.host.domains").tag("host", "a").gauge().value()).as("db, shut off").isEqualTo(1);
      assertThat(registry.get("kvm.domain.state").tags("host", "b", "guest", "web").gauge().value()).isEqualTo(1);
      assertThat(registry.find("kvm.domain.state").tags("host", "a", "guest", "web").gauge()).isNull();
    }
  }

  @Test void aGuestWhoseEmulatorDiedOrThatPanickedCountsAsCrashed() {
    // the fake has no guest crash: the events libvirt's QEMU driver sends then go to the listener KvmMetrics subscribed
    FakeHypervisor fake = hostWith("hv1", 1);
    List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
    DomainDriver domains = fake.domains();
    DomainDriver listening = (DomainDriver) Proxy.newProxyInstance(DomainDriver.class.getClassLoader(), new Class<?>[] {DomainDriver.class}, (p, m, a) -> {
      if (m.getName().equals("onLifecycle")) listeners.add(cast(a[0]));
      return call(domains, m, a);
    });
    Hypervisor hv = (Hypervisor) Proxy.newProxyInstance(Hypervisor.class.getClassLoader(), new Class<?>[] {Hypervisor.class},
        (p, m, a) -> m.getName().equals("domains") ? listening : call(fake, m, a));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      assertThat(listeners).hasSize(1);
      Consumer<DomainEvent> libvirt = listeners.get(0);
      libvirt.accept(new DomainEvent("g000", DomainEventType.STOPPED, "FAILED"));     // QEMU died (libvirt's monitor EOF)
      assertThat(events(registry, "hv1", "crashed")).isEqualTo(1);
      libvirt.accept(new DomainEvent("g000", DomainEventType.CRASHED, "PANICKED"));   // a panic, on_crash preserve
      libvirt.accept(new DomainEvent("g000", DomainEventType.STOPPED, "CRASHED"));    // a panic, on_crash destroy
      libvirt.accept(new DomainEvent("g000", DomainEventType.STOPPED, "DESTROYED"));  // not a crash
      assertThat(events(registry, "hv1", "crashed")).isEqualTo(3);
      assertThat(events(registry, "hv1", "stopped")).isEqualTo(3);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object o) { return (T) o; }

  static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static double events(SimpleMeterRegistry r, String host, String event) {
    Counter c = r.get("kvm.domain.events").tags("host", host, "event", event).counter();
    return c.count();
  }

  @Test void theErrorCounterReadFirstCountsTheFailedReadOfItsOwnScrape() {
    FakeHypervisor hv = hostWith("hv1", 1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      hv.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("allDomainStats")).once());
      hv.clock().advance(Duration.ofSeconds(10));
      // a registry may read the counter before any gauge: the counter itself must refresh
      assertThat(registry.get("kvm.host.scrape.errors").tags("host", "hv1").functionCounter().count()).isEqualTo(1.0);
      assertThat(registry.get("kvm.host.up").tags("host", "hv1").gauge().value()).isEqualTo(0.0);
    }
  }

  @Test void aFailedReadSetsUpToZeroKeepsTheLastValuesAndRecovers() {
    FakeHypervisor hv = hostWith("hv1", 2);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      metrics.bindTo(registry);
      hv.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("allDomainStats")).once());
      hv.clock().advance(Duration.ofSeconds(10));
      String text = registry.scrape();
      assertPromtoolAccepts(text);
      assertThat(samples(text)).containsEntry("kvm_host_up{host=\"hv1\"}", 0.0).containsEntry("kvm_host_scrape_errors_total{host=\"hv1\"}", 1.0)
          .containsEntry("kvm_domain_vcpu_seconds_total{guest=\"g000\",host=\"hv1\"}", 0.0);
      hv.clock().advance(Duration.ofSeconds(10));
      assertThat(samples(registry.scrape())).containsEntry("kvm_host_up{host=\"hv1\"}", 1.0)
          .containsEntry("kvm_domain_vcpu_seconds_total{guest=\"g000\",host=\"hv1\"}", 8.0);
    }
  }

  @Test void pushRegistriesGetABackgroundRefresh() throws InterruptedException {
    FakeHypervisor hv = hostWith("hv1", 1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kvm kvm = Kvm.using(hv); KvmMetrics metrics = KvmMetrics.builder(kvm).refreshInterval(Duration.ofMillis(20)).events(false).build()) {
      metrics.bindTo(registry);
      kvm.domains().define(guest("late")).start();
      long end = System.nanoTime() + 5_000_000_000L;
      while (registry.find("kvm.domain.state").tag("guest", "late").gauge() == null && System.nanoTime() < end) Thread.sleep(10);
      assertThat(registry.find("kvm.domain.state").tag("guest", "late").gauge()).as("registered by the refresh thread, no read needed").isNotNull();
    }
  }

  // ------------------------------------------------------------------ bad input

  @Test void aScrapeIntervalThatIsNotPositiveIsRefused() {
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("hv1"))) {
      assertThatThrownBy(() -> KvmMetrics.builder(kvm).refreshInterval(Duration.ZERO)).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
        assertThat(e.field()).isEqualTo("refreshInterval");
        assertThat(e.getMessage()).contains("must be positive, got PT0S");
      });
      assertThatThrownBy(() -> KvmMetrics.builder(kvm).maxAge(Duration.ofSeconds(-1))).isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("maxAge").hasMessageContaining("must be positive");
      assertThatThrownBy(() -> KvmMetrics.builder(kvm).host("a\nb")).isInstanceOf(InvalidSpecException.class).hasMessageContaining("host");
    }
  }

  @Test void aRegistryWithConflictingMetersIsRefusedBeforeAnythingIsRegistered() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter mine = Counter.builder("kvm.domain.state").description("the application's own").tag("app", "x").register(registry);
    try (Kvm kvm = Kvm.using(hostWith("hv1", 1)); KvmMetrics metrics = KvmMetrics.of(kvm)) {
      assertThatThrownBy(() -> metrics.bindTo(registry)).isInstanceOf(KvmException.class)
          .hasMessageContaining("cannot bind KvmMetrics for host 'hv1'")
          .hasMessageContaining("'kvm.domain.state' is there as a COUNTER tagged [app], KvmMetrics needs a GAUGE tagged [guest, host]");
      assertThat(registry.getMeters()).containsExactly(mine);
      assertPromtoolAccepts(registry.scrape());
    }
  }

  @Test void twoHostsShareARegistryButOneHostCannotBeBoundTwice() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "fleet-manager");   // as Spring's management.metrics.tags.* do
    try (Kvm a = Kvm.using(hostWith("hv1", 2)); Kvm b = Kvm.using(hostWith("hv2", 2)); KvmMetrics ma = KvmMetrics.of(a);
        KvmMetrics mb = KvmMetrics.of(b); KvmMetrics again = KvmMetrics.of(a)) {
      ma.bindTo(registry);
      mb.bindTo(registry);
      String text = registry.scrape();
      assertPromtoolAccepts(text);
      assertThat(samples(text)).containsKeys("kvm_host_domains{application=\"fleet-manager\",host=\"hv1\"}",
          "kvm_host_domains{application=\"fleet-manager\",host=\"hv2\"}");
      assertThatThrownBy(() -> again.bindTo(registry)).isInstanceOf(KvmException.class).hasMessageContaining("already registered for host 'hv1'");
      assertThatThrownBy(() -> ma.bindTo(registry)).isInstanceOf(KvmException.class).hasMessageContaining("already bound to this registry");
    }
  }

  @Test void guestNamesThatCannotBeATagAsTheyAreNeverBreakTheExposition() {
    FakeHypervisor hv = FakeCluster.create().hypervisor("hv1");
    List<String> names = List.of("quote\"and\\backslash", "bell\u0007", "tab\tin", "snow\u2603man", "emoji\ud83d\ude00", "lone\ud83dsurrogate",
        "bell\\u0007");
    Set<String> defined = new HashSet<>();
    try (Kvm kvm = Kvm.using(hv)) {
      for (String n : names) {
        try {
          kvm.domains().define(guest(n)).start();
          defined.add(n);
        } catch (KvmException e) {
          // the SDK or the fake (as libvirt) refuses some names already: nothing to show then
        }
      }
      assertThat(defined).as("the fake takes most of these names").hasSizeGreaterThan(4);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (KvmMetrics metrics = KvmMetrics.of(kvm)) {
        metrics.bindTo(registry);
        String text = registry.scrape();
        assertPromtoolAccepts(text);
        samples(text);
        if (defined.contains("quote\"and\\backslash")) assertThat(text).contains("guest=\"quote\\\"and\\\\backslash\"");
        if (defined.contains("snow\u2603man")) assertThat(text).contains("guest=\"snow\u2603man\"");
        if (defined.contains("bell\u0007")) {
          assertThat(registry.find("kvm.domain.state").tag("guest", "bell\\u0007").gauge()).as("the control character written as \\u0007").isNotNull();
        }
        if (defined.contains("lone\ud83dsurrogate")) {
          assertThat(registry.find("kvm.domain.state").tag("guest", "lone\\ud83dsurrogate").gauge()).isNotNull();
        }
        if (defined.contains("bell\u0007") && defined.contains("bell\\u0007")) {
          assertThat(registry.find("kvm.domain.state").tag("guest", "bell\\u0007").gauges()).as("two guests never share a tag value").hasSize(1);
        }
        assertThat(text).doesNotContain("\u0007").doesNotContain("\ud83ds");
      }
    }
  }

  @Test void aClosedMetricsCannotBeBoundAndItsMetersAreGone() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kvm kvm = Kvm.using(hostWith("hv1", 1))) {
      KvmMetrics m = KvmMetrics.of(kvm);
      m.bindTo(registry);
      Gauge up = registry.get("kvm.host.up").gauge();
      assertThat(up.value()).isEqualTo(1);
      m.close();
      m.close();
      assertThat(registry.getMeters()).isEmpty();
      assertThatThrownBy(() -> m.bindTo(new SimpleMeterRegistry())).isInstanceOf(KvmException.class).hasMessageContaining("closed");
    }
  }
}
