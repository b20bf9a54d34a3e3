package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.metrics.KvmMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** What a user of the published jars writes first: a guest on the testkit's fake host, and its metrics. */
class ConsumerTest {
  @Test void aGuestRunsOnTheFakeAndShowsInMetrics() {
    try (Kvm kvm = Kvm.connect("fake:///consumer")) {
      Domain web = kvm.domains().define(DomainSpec.builder().type("kvm").name("web1").osType("hvm").memory(Size.mib(512)).build());
      web.start();
      assertEquals(DomainState.RUNNING, web.state());

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (KvmMetrics metrics = KvmMetrics.of(kvm)) {
        metrics.bindTo(registry);
        FunctionCounter vcpu = registry.get("kvm.domain.vcpu").tag("guest", "web1").functionCounter();
        assertTrue(vcpu.count() >= 0);
        assertEquals(1.0, registry.get("kvm.host.domains.running").gauge().value());
      }
    }
  }
}
