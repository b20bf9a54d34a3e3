package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <maxphysaddr>}: the number of physical address bits the guest sees. */
@Value.Immutable
public abstract class CpuMaxPhysAddr {
  /** {@code emulate} or {@code passthrough}. */
  public abstract Optional<String> mode();
  /** The {@code bits} attribute. */
  public abstract Optional<Integer> bits();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuMaxPhysAddr copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuMaxPhysAddr}. */
  public static class Builder extends ImmutableCpuMaxPhysAddr.Builder {}
}
