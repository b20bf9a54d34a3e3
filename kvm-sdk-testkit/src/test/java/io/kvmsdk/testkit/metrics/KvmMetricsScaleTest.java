package io.kvmsdk.testkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.metrics.KvmMetrics;
import io.kvmsdk.core.node.NodeInfo;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.NodeDriver;
import io.kvmsdk.core.spi.Ticker;
import io.kvmsdk.testkit.FakeCluster;
import io.kvmsdk.testkit.FakeHypervisor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@link KvmMetrics} scales: a scrape of 1,000 guests of one fake host, and what a refresh allocates
 * (measured with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}).
 */
class KvmMetricsScaleTest {
  @Test void aScrapeOfAThousandFakeGuestsTakesUnderFiftyMilliseconds() {
    FakeHypervisor hv = FakeCluster.create().hypervisor("big");
    Kvm kvm = Kvm.using(hv);
    for (int i = 0; i < 1000; i++) {
      kvm.domains().define(DomainSpec.builder().type("kvm").name("g" + i).osType("hvm").vcpus(2).memory(Size.mib(64))
          .addDisk(Disk.file("/var/lib/libvirt/images/g" + i + ".qcow2").virtio()).addInterface(Nic.network("default").virtio()).build()).start();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (KvmMetrics metrics = KvmMetrics.builder(kvm).events(false).build()) {
      metrics.bindTo(registry);
      // CPU time of this thread, not wall time: a loaded machine (CI, parallel builds) deschedules the thread, which
      // says nothing about KvmMetrics; a refresh that grew with the square of the guests would still show here
      com.sun.management.ThreadMXBean cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      int n = 20;
      long[] scrape = new long[n];
      long[] refresh = new long[n];
      int length = 0;
      for (int i = 0; i < n; i++) {
        hv.clock().advance(Duration.ofSeconds(15));    // every scrape reads fresh statistics
        long t0 = cpu.getCurrentThreadCpuTime();
        length = registry.scrape().length();
        scrape[i] = cpu.getCurrentThreadCpuTime() - t0;
        hv.clock().advance(Duration.ofSeconds(15));
        t0 = cpu.getCurrentThreadCpuTime();
        metrics.refresh();
        refresh[i] = cpu.getCurrentThreadCpuTime() - t0;
      }
      long[] warm = Arrays.copyOfRange(scrape, n / 2, n);
      long[] warmRefresh = Arrays.copyOfRange(refresh, n / 2, n);
      Arrays.sort(warm);
      Arrays.sort(warmRefresh);
      System.out.printf("KvmMetrics, 1000 fake guests (%d meters, %d KB of text), CPU time: scrape median %.1f ms (best %.1f, first %.1f);"
          + " refresh alone (bulk call + update) median %.1f ms%n", registry.getMeters().size(), length / 1024, warm[warm.length / 2] / 1e6,
          warm[0] / 1e6, scrape[0] / 1e6, warmRefresh[warmRefresh.length / 2] / 1e6);
      assertThat(registry.getMeters().size()).as("19 meters a guest, 7 for the host").isEqualTo(1000 * 19 + 7);
      assertThat(warmRefresh[warmRefresh.length / 2] / 1e6).as("KvmMetrics' part of a scrape of 1000 guests: the bulk call and the update, CPU ms")
          .isLessThan(50);
      // the rest is Micrometer's Prometheus registry writing 19,000 series (1.5 MB): 25-40 ms on a quiet machine
      assertThat(warm[0] / 1e6).as("a whole warm scrape of 1000 guests with the Prometheus text, CPU ms (best of 10)")
          .isLessThan(250);
    }
  }

  @Test void aRefreshAllocatesNothingPerGuest() {
    long small = bytesPerRefresh(10);
    long big = bytesPerRefresh(1000);
    System.out.printf("KvmMetrics refresh allocates %d bytes with 10 guests, %d bytes with 1000 guests (port answers held constant)%n", small, big);
    assertThat(big).as("bytes a refresh of 1000 unchanged guests allocates").isLessThan(4096);
    assertThat(big - small).as("what 990 more guests add to a refresh, bytes").isLessThan(1024);
  }

  /** A refresh's allocation when the port answers with the same (already boxed) statistics each time. */
  static long bytesPerRefresh(int guests) {
    Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
    for (int i = 0; i < guests; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("state.state", 1);
      p.put("cpu.time", 123_456_789_000L + i);
      p.put("balloon.current", 524288L);
      p.put("balloon.maximum", 524288L);
      p.put("balloon.rss", 262144L);
      p.put("vcpu.current", 2);
      p.put("vcpu.maximum", 2);
      p.put("vcpu.0.time", 50_000_000_000L + i);
      p.put("vcpu.1.time", 40_000_000_000L + i);
      p.put("block.count", 2);
      for (int d = 0; d < 2; d++) {
        p.put("block." + d + ".name", "vd" + (char) ('a' + d));
        for (String k : new String[] {"rd.bytes", "rd.reqs", "wr.bytes", "wr.reqs"}) p.put("block." + d + "." + k, 1_000_000L + i);
      }
      p.put("net.count", 1);
      p.put("net.0.name", "vnet" + i);
      for (String k : new String[] {"rx.bytes", "rx.pkts", "rx.errs", "rx.drop", "tx.bytes", "tx.pkts", "tx.errs", "tx.drop"}) p.put("net.0." + k, 5_000L + i);
      stats.put("guest" + i, p);
    }
    NodeInfo info = new NodeInfo("x86_64", Size.gib(64), 16, 2400, 1, 1, 16, 1);
    Long free = 1L << 34;
    DomainDriver domains = proxy(DomainDriver.class, (m, a) -> m.equals("allStats") ? stats : null);
    NodeDriver node = proxy(NodeDriver.class, (m, a) -> m.equals("info") ? info : free);
    Hypervisor hv = proxy(Hypervisor.class, (m, a) -> switch (m) {
      case "domains" -> domains;
      case "node" -> node;
      case "ticker" -> Ticker.SYSTEM;
      case "uri" -> "stub:///constant";
      case "isAlive" -> true;
      default -> null;
    });
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long me = Thread.currentThread().getId();
    try (KvmMetrics metrics = KvmMetrics.builder(Kvm.using(hv)).events(false).build()) {
      metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      // warm: let the JIT compile the refresh (its per-guest loop is hot after a few hundred thousand guests)
      for (int i = 0, warm = Math.max(500, 500_000 / guests); i < warm; i++) metrics.refresh();
      int n = 200;
      long before = mx.getThreadAllocatedBytes(me);
      for (int i = 0; i < n; i++) metrics.refresh();
      return (mx.getThreadAllocatedBytes(me) - before) / n;
    }
  }

  interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, Answer answer) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> answer.answer(m.getName(), a));
  }
}
