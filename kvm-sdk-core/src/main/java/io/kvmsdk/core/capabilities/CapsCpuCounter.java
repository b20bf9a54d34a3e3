package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <counter name='tsc' frequency='2596991000' scaling='no'/>}: a host CPU timer counter. */
@Value.Immutable
public abstract class CapsCpuCounter {
  public abstract Optional<String> name();

  /** Frequency in Hz. */
  public abstract Optional<Long> frequency();

  /** Whether the frequency can be scaled for guests. */
  public abstract Optional<Boolean> scaling();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCpuCounter copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCpuCounter}. */
  public static class Builder extends ImmutableCapsCpuCounter.Builder {}
}
