package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,4'/>}: a host CPU of a NUMA cell. */
@Value.Immutable
public abstract class CapsCellCpu {
  public abstract int id();

  public abstract Optional<Integer> socketId();

  public abstract Optional<Integer> dieId();

  public abstract Optional<Integer> coreId();

  /** The CPUs sharing this core, as a cpuset such as {@code 0,4}. */
  public abstract Optional<String> siblings();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCellCpu copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCellCpu}. */
  public static class Builder extends ImmutableCapsCellCpu.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "@id");

    @Override public CapsCellCpu build() { return REQUIRED.build(super::build); }
  }
}
