package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <memory>} in {@code <numatune>}: the host NUMA policy of guest memory. */
@Value.Immutable
public abstract class NumaTuneMemory {
  /** {@code strict}, {@code preferred}, {@code interleave} or {@code restrictive}. */
  public abstract Optional<String> mode();
  /** The {@code nodeset} attribute. */
  public abstract Optional<String> nodeset();
  /** {@code static} or {@code auto}. */
  public abstract Optional<String> placement();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    CpuSet.check("@nodeset", nodeset());
  }

  /** Derives a changed copy. */
  public NumaTuneMemory copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NumaTuneMemory}. */
  public static class Builder extends ImmutableNumaTuneMemory.Builder {}
}
