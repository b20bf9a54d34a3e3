package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <monitor>} in {@code <cachetune>} or {@code <memorytune>}: a resource monitor for some vCPUs. */
@Value.Immutable
public abstract class CpuTuneMonitor {
  /** The {@code level} attribute. */
  public abstract Optional<Integer> level();
  /** The {@code vcpus} attribute. */
  public abstract Optional<String> vcpus();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    CpuSet.check("@vcpus", vcpus());
  }

  /** Derives a changed copy. */
  public CpuTuneMonitor copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneMonitor}. */
  public static class Builder extends ImmutableCpuTuneMonitor.Builder {}
}
