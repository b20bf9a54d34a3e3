package io.kvmsdk.testkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.metrics.KvmMetrics;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.PrometheusText;
import io.kvmsdk.testkit.contract.ContractCases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link KvmMetrics} against a real libvirtd with QEMU (TCG): 32 active guests (one running, 31 paused) read in one libvirt call
 * per scrape (counted at the port), a running guest's vCPU counter that grows between two scrapes, and
 * an exposition promtool accepts. Needs {@code bash scripts/oracles.sh start} ({@code $KVM_SDK_LIBVIRT_URI}).
 */
class KvmMetricsLibvirtdTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");

  @Test void thirtyTwoRealGuestsInOneCallAndAVcpuCounterThatGrows() throws InterruptedException {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start the private libvirtds with `bash scripts/oracles.sh start`"
        + " and source /tmp/kvm-sdk-oracles/env");
    String prefix = "kvmsdk-mx-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    Kvm real = Kvm.connect(URI);
    CountingHypervisor counting = new CountingHypervisor(real.hypervisor());
    List<Domain> guests = new ArrayList<>();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Kvm kvm = Kvm.using(counting.hypervisor); KvmMetrics metrics = KvmMetrics.builder(kvm).host("lv-a").events(false).build()) {
      for (int i = 0; i < 32; i++) {
        Domain d = kvm.domains().define(ContractCases.tinyGuest(prefix + String.format("%02d", i))).start();
        // one runs; 31 are paused at once, their QEMUs up but not spending CPU on the firmware (CI has 2 cores)
        if (i > 0) d.suspend();
        guests.add(d);
      }
      String first = prefix + "00";
      metrics.bindTo(registry);
      assertThat(counting.take()).as("bindTo reads once").containsEntry("domains.allStats", 1);
      Thread.sleep(1_100);   // past maxAge (1 s): the next scrape reads again

      String text = registry.scrape();
      assertThat(counting.take()).as("one scrape of 32 active guests: one bulk libvirt call (and the host's two)")
          .isEqualTo(Map.of("domains.allStats", 1, "node.info", 1, "node.freeMemory", 1));
      Promtool.Result check = Promtool.checkMetrics(text);
      assertThat(check.output()).as("promtool check metrics").isEmpty();
      assertThat(check.exitCode()).isZero();
      Map<String, Double> s = PrometheusText.samples(text);
      for (Domain d : guests) {
        assertThat(s).containsEntry("kvm_domain_state{guest=\"" + d.name() + "\",host=\"lv-a\"}", d.name().equals(first) ? 1.0 : 3.0);
        assertThat(s).as("a paused guest's statistics are read too").containsKey("kvm_domain_cpu_seconds_total{guest=\"" + d.name() + "\",host=\"lv-a\"}");
      }
      assertThat(s.get("kvm_host_domains_running{host=\"lv-a\"}")).isGreaterThanOrEqualTo(1);
      String vcpu = "kvm_domain_vcpu_seconds_total{guest=\"" + first + "\",host=\"lv-a\"}";
      assertThat(s).containsKey(vcpu).containsKey("kvm_domain_memory_rss_bytes{guest=\"" + first + "\",host=\"lv-a\"}");

      double before = s.get(vcpu);
      double after = before;
      long end = System.nanoTime() + 20_000_000_000L;
      while (after <= before && System.nanoTime() < end) {
        Thread.sleep(1_100);   // past maxAge (1 s): the next scrape reads again
        after = PrometheusText.samples(registry.scrape()).get(vcpu);
      }
      assertThat(after).as("the vCPU time of a running TCG guest, scraped twice").isGreaterThan(before);
      System.out.printf("KvmMetrics on libvirtd: 32 active TCG guests (1 running, 31 paused), vcpu seconds of %s %.2f -> %.2f; port calls per scrape: 3%n", first,
          before, after);

      guests.remove(0).destroy();
      registry.scrape();
      assertThat(PrometheusText.samples(registry.scrape())).as("a shut-off guest has its state only")
          .containsEntry("kvm_domain_state{guest=\"" + first + "\",host=\"lv-a\"}", 5.0).doesNotContainKey(vcpu);
    } finally {
      try (Kvm cleanup = Kvm.connect(URI)) {
        for (Domain d : cleanup.domains().list()) {
          if (!d.name().startsWith(prefix)) continue;
          try {
            if (d.state().isActive()) d.destroy();
          } finally {
            d.undefine();
          }
        }
      }
    }
  }
}
