package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <topology sockets='1' dies='1' cores='8' threads='1'/>}: host CPU topology (sockets are per NUMA node). */
@Value.Immutable
public abstract class CapsCpuTopology {
  public abstract Optional<Integer> sockets();

  public abstract Optional<Integer> dies();

  public abstract Optional<Integer> cores();

  public abstract Optional<Integer> threads();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCpuTopology copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCpuTopology}. */
  public static class Builder extends ImmutableCapsCpuTopology.Builder {}
}
