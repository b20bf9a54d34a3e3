package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An erasure-code profile: {@code k} data chunks and {@code m} coding chunks, one per
 * {@code failureDomain} bucket under {@code root} (optionally on one device class only). A pool of
 * this profile survives {@code m} failed failure domains and stores {@code (k+m)/k} times its data.
 *
 * <pre>{@code
 * CephErasureProfile p = CephErasureProfile.of("ec42", 4, 2, "host");   // 6 hosts, 1.5x raw space
 * }</pre>
 */
@Value.Immutable
public abstract class CephErasureProfile {
  public abstract String name();

  /** Data chunks. */
  public abstract int k();

  /** Coding chunks: how many failure domains may fail. */
  public abstract int m();

  /** {@code crush-failure-domain}: the bucket type each chunk goes to a different one of. */
  @Value.Default public String failureDomain() { return "host"; }

  /** {@code crush-root}. */
  @Value.Default public String root() { return "default"; }

  /** {@code crush-device-class}. */
  public abstract Optional<String> deviceClass();

  public static CephErasureProfile of(String name, int k, int m, String failureDomain) {
    return builder().name(name).k(k).m(m).failureDomain(failureDomain).build();
  }

  public static Builder builder() { return new Builder(); }

  /**
   * The CRUSH rule Ceph creates for a pool of this profile ({@code ceph osd crush rule create-erasure}):
   * tries 5 and 100, chooseleaf indep 0 over the failure domain, {@code max_size} k+m.
   */
  public CrushRule crushRule(String ruleName) {
    return CrushRule.erasure(ruleName, root(), failureDomain(), deviceClass().orElse(null)).copy(b -> b.maxSize(k() + m()));
  }

  /** {@code ceph osd erasure-code-profile set NAME k=K m=M crush-failure-domain=T crush-root=R [crush-device-class=C]}, checked by {@code get}, undone by {@code rm}. */
  public Step createStep() {
    List<String> argv = new ArrayList<>(List.of("ceph", "osd", "erasure-code-profile", "set", name(), "k=" + k(), "m=" + m(),
        "crush-failure-domain=" + failureDomain(), "crush-root=" + root()));
    deviceClass().ifPresent(c -> argv.add("crush-device-class=" + c));
    return Step.builder("create erasure-code profile " + name() + " (k=" + k() + ", m=" + m() + ")")
        .check(HostCommand.of("ceph", "osd", "erasure-code-profile", "get", name()))
        .change(HostCommand.of(argv))
        .undo(HostCommand.of("ceph", "osd", "erasure-code-profile", "rm", name()))
        .build();
  }

  @Value.Check protected void check() {
    CrushNames.checkArg("erasure-code-profile/name", name());
    String at = "erasure-code-profile " + name();
    if (k() < 2) throw new InvalidSpecException(at + "/k", "must be >= 2 (k=1 is replication at a higher price), got " + k());
    if (m() < 1) throw new InvalidSpecException(at + "/m", "must be >= 1, got " + m());
    if (k() + m() > 32) throw new InvalidSpecException(at + "/k", "k+m must be <= 32, got " + (k() + m()));
    CrushNames.check(at + "/crush-failure-domain", failureDomain());
    CrushNames.check(at + "/crush-root", root());
    deviceClass().ifPresent(c -> CrushNames.check(at + "/crush-device-class", c));
  }

  public static class Builder extends ImmutableCephErasureProfile.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "erasure-code-profile/name", "k", "erasure-code-profile/k", "m", "erasure-code-profile/m");
    @Override public CephErasureProfile build() { return REQUIRED.build(super::build); }
  }
}
