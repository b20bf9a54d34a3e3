package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The proof that {@link FakeHypervisor} behaves like libvirt's QEMU driver: one scenario of valid and
 * invalid calls runs against a real libvirtd with QEMU (TCG) behind {@code $KVM_SDK_LIBVIRT_URI}
 * ({@code bash scripts/oracles.sh start}) and against the fake; every outcome (the state, or
 * libvirt's error code, domain and message) must be the same. Skipped without a libvirtd.
 */
class FakeHypervisorContractTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");

  static DomainSpec tcgGuest(String name) {
    return io.kvmsdk.testkit.contract.ContractCases.tinyGuest(name);
  }

  /** What a call did, as a comparable line. */
  static String outcome(Supplier<Object> call) {
    try {
      Object r = call.get();
      return "ok" + (r == null || r instanceof Domain ? "" : " " + r);
    } catch (NotFoundException e) {
      LibvirtException le = (LibvirtException) e.getCause();
      if (le == null) return "not found " + e.kind() + " " + e.name() + " (no libvirt cause)";
      return "not found " + e.kind() + " " + e.name() + " (" + le.code() + "/" + le.errorDomain() + ": " + le.libvirtMessage() + ")";
    } catch (LibvirtException e) {
      return e.code() + "(" + e.codeNumber() + ")/" + e.errorDomain() + ": " + e.libvirtMessage().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "UUID");
    }
  }

  static List<String> scenario(Kvm kvm, String name) {
    List<String> out = new ArrayList<>();
    DomainSpec spec = tcgGuest(name);
    Domain d = kvm.domains().define(spec);
    try {
      out.add("state " + d.state() + ", persistent " + d.isPersistent());
      out.add("suspend shut off: " + outcome(() -> d.suspend()));
      out.add("resume shut off: " + outcome(() -> d.resume()));
      out.add("shutdown shut off: " + outcome(() -> d.shutdown()));
      out.add("destroy shut off: " + outcome(() -> d.destroy()));
      out.add("reboot shut off: " + outcome(() -> d.reboot()));
      out.add("snapshot shut off diskless: " + outcome(() -> d.snapshots().create(SnapshotSpec.builder().name("s1").build())));
      out.add("revert missing snapshot: " + outcome(() -> { d.snapshots().revert("nope"); return null; }));
      out.add("delete missing snapshot: " + outcome(() -> { d.snapshots().delete("nope"); return null; }));
      out.add("start: " + outcome(() -> d.start()) + " -> " + d.state());
      out.add("snapshot running diskless: " + outcome(() -> d.snapshots().create(SnapshotSpec.builder().name("s1").build()))
          + ", snapshots " + d.snapshots().list().size());
      out.add("start running: " + outcome(() -> d.start()));
      out.add("resume running: " + outcome(() -> d.resume()));
      out.add("suspend: " + outcome(() -> d.suspend()) + " -> " + d.state());
      out.add("suspend paused: " + outcome(() -> d.suspend()) + " -> " + d.state());
      out.add("resume: " + outcome(() -> d.resume()) + " -> " + d.state());
      out.add("live id present: " + d.spec().id().isPresent() + ", inactive id present: " + d.inactiveSpec().id().isPresent());
      out.add("autostart: " + outcome(() -> d.setAutostart(true)) + " -> " + d.autostart());
      out.add("define same name other uuid: " + outcome(() -> kvm.domains().define(spec.copy(b -> b.uuid(UUID.randomUUID().toString())))));
      out.add("define other name same uuid: " + outcome(() -> kvm.domains().define(spec.copy(b -> b.name(name + "-x").uuid(d.uuid())))));
      out.add("redefine same uuid: " + outcome(() -> kvm.domains().define(spec.copy(b -> b.uuid(d.uuid())))));
      out.add("undefine running: " + outcome(() -> { d.undefine(); return null; }) + " -> " + d.state() + ", persistent " + d.isPersistent());
      out.add("autostart transient: " + outcome(() -> d.setAutostart(true)));
      out.add("undefine transient: " + outcome(() -> { d.undefine(); return null; }));
      out.add("destroy transient: " + outcome(() -> d.destroy()) + " -> listed " + kvm.domains().find(name).isPresent());
      out.add("start gone: " + outcome(() -> d.start()).replace(name, "NAME"));
    } finally {
      kvm.domains().find(name).ifPresent(x -> {
        if (x.state().isActive()) x.destroy();
        if (kvm.domains().find(name).isPresent() && x.isPersistent()) x.undefine();
      });
    }
    return out;
  }

  /** The scenario's events for {@code name} (after the real daemon had time to deliver them). */
  static List<String> eventsOf(Kvm kvm, String name, java.util.function.Consumer<Kvm> run) {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (var sub = kvm.events().onLifecycle(e -> {
      if (e.domainName().equals(name)) seen.add(e.type() + "/" + e.detail());
    })) {
      run.accept(kvm);
      long end = System.nanoTime() + 3_000_000_000L;
      int n = -1;
      while (System.nanoTime() < end && n != seen.size()) {
        n = seen.size();
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return List.copyOf(seen);
  }

  static void eventScenario(Kvm kvm, String name) {
    Domain d = kvm.domains().define(tcgGuest(name));
    d.start();
    d.suspend();
    d.resume();
    d.destroy();
    d.undefine();
  }

  @Test void eventsAndStatsKeysAreLikeQemus() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`");
    String name = "kvmsdk-fk-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> real;
    java.util.Set<String> realKeys;
    try (Kvm kvm = Kvm.connect(URI)) {
      real = eventsOf(kvm, name, k -> eventScenario(k, name));
      Domain d = kvm.domains().define(tcgGuest(name)).start();
      try {
        realKeys = d.stats().raw().keySet();
      } finally {
        d.destroy();
        d.undefine();
      }
    }
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("contract"))) {
      assertThat(eventsOf(kvm, name, k -> eventScenario(k, name))).isEqualTo(real);
      Domain d = kvm.domains().define(tcgGuest(name)).start();
      assertThat(realKeys).as("every statistic the fake reports, QEMU reports too").containsAll(d.stats().raw().keySet());
    }
  }

  static List<String> secretScenario(Kvm kvm, String usage) {
    List<String> out = new ArrayList<>();
    Secret s = kvm.secrets().define(SecretSpec.ceph(usage).build());
    try {
      out.add("same usage again: " + outcome(() -> kvm.secrets().define(SecretSpec.ceph(usage).build())).replace(s.uuid(), "UUID"));
      out.add("redefine same uuid: " + outcome(() -> kvm.secrets().define(SecretSpec.ceph(usage).uuid(s.uuid()).description("again").build()).uuid()
          .equals(s.uuid())));
      out.add("set value: " + outcome(() -> { s.setValue(new byte[] {1, 2, 3}); return null; }));
      out.add("find by usage: " + kvm.secrets().find(usage).isPresent() + ", usage " + s.spec().usageName().orElse("-"));
    } finally {
      s.undefine();
    }
    out.add("undefine again: " + outcome(() -> { s.undefine(); return null; }).replace(s.uuid(), "UUID"));
    out.add("set value gone: " + outcome(() -> { s.setValue(new byte[] {9}); return null; }).replace(s.uuid(), "UUID"));
    return out;
  }

  @Test void secretsAnswerLikeLibvirt() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`");
    String usage = "kvmsdk-fk-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> real;
    try (Kvm kvm = Kvm.connect(URI)) {
      real = secretScenario(kvm, usage);
    }
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("contract"))) {
      assertThat(String.join("\n", secretScenario(kvm, usage))).isEqualTo(String.join("\n", real));
    }
  }

  @Test void theFakeAnswersLikeQemu() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`"
        + " and source /tmp/kvm-sdk-oracles/env");
    String name = "kvmsdk-fk-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> real;
    try (Kvm kvm = Kvm.connect(URI)) {
      real = scenario(kvm, name);
    }
    List<String> fake;
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("contract"))) {
      fake = scenario(kvm, name);
    }
    assertThat(String.join("\n", fake)).isEqualTo(String.join("\n", real));
  }
}
