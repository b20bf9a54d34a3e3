package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of an input device: the host event device passed through. */
@Value.Immutable
public abstract class InputSource {
  /** The event device (type passthrough). */
  public abstract Optional<String> evdev();

  /** The event device (type evdev). */
  public abstract Optional<String> dev();

  /** {@code all} to grab all input devices. */
  public abstract Optional<String> grab();

  /** The grab key combination, such as {@code ctrl-ctrl}. */
  public abstract Optional<String> grabToggle();

  public abstract Optional<Boolean> repeat();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public InputSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link InputSource}. */
  public static class Builder extends ImmutableInputSource.Builder {}
}
