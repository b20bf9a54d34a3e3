package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cachetune>}: cache allocations and monitors for a set of vCPUs. */
@Value.Immutable
public abstract class CpuTuneCacheTune {
  /** The {@code vcpus} attribute. */
  public abstract Optional<String> vcpus();
  /** The {@code id} attribute. */
  public abstract Optional<String> id();
  /** The {@code <cache>} children, in order. */
  public abstract List<CpuTuneCache> caches();
  /** The {@code <monitor>} children, in order. */
  public abstract List<CpuTuneMonitor> monitors();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    CpuSet.check("@vcpus", vcpus());
  }

  /** Derives a changed copy. */
  public CpuTuneCacheTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneCacheTune}. */
  public static class Builder extends ImmutableCpuTuneCacheTune.Builder {}
}
