package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cpu>}: CPU model, topology, features and NUMA cells. */
@Value.Immutable
public abstract class Cpu {
  public abstract Optional<String> mode();
  public abstract Optional<String> match();
  public abstract Optional<String> check();
  public abstract Optional<Boolean> migratable();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Cpu copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Cpu}. */
  public static class Builder extends ImmutableCpu.Builder {}
}
