package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <control>} of a cache bank or memory-bandwidth node: what resource control (resctrl) allows. */
@Value.Immutable
public abstract class CapsControl {
  public abstract Optional<Long> granularity();

  public abstract Optional<Long> min();

  /** Only for cache banks. */
  public abstract Optional<String> unit();

  /** Only for cache banks: both, code or data. */
  public abstract Optional<String> type();

  public abstract Optional<Integer> maxAllocs();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsControl copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsControl}. */
  public static class Builder extends ImmutableCapsControl.Builder {}
}
