package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <node>} in {@code <memorytune>}: a memory bandwidth share on one host node (Intel RDT MBA). */
@Value.Immutable
public abstract class CpuTuneMemoryTuneNode {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** Percent. */
  public abstract Optional<Integer> bandwidth();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuTuneMemoryTuneNode copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneMemoryTuneNode}. */
  public static class Builder extends ImmutableCpuTuneMemoryTuneNode.Builder {}
}
