package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vcpupin>}: the host CPUs one vCPU may run on. */
@Value.Immutable
public abstract class CpuTuneVcpuPin {
  /** The {@code vcpu} attribute. */
  public abstract Optional<Integer> vcpu();
  /** The {@code cpuset} attribute. */
  public abstract Optional<String> cpuset();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** vCPU {@code vcpu} pinned to host CPUs {@code cpuset} (such as {@code 1-4,^2}). */
  public static CpuTuneVcpuPin of(int vcpu, String cpuset) { return builder().vcpu(vcpu).cpuset(cpuset).build(); }

  @Value.Check protected void check() {
    CpuSet.check("@cpuset", cpuset());
  }

  /** Derives a changed copy. */
  public CpuTuneVcpuPin copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneVcpuPin}. */
  public static class Builder extends ImmutableCpuTuneVcpuPin.Builder {}
}
