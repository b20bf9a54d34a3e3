package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <range>} of a passt port forward: the ports forwarded (or excluded). */
@Value.Immutable
public abstract class NicPortForwardRange {
  public abstract Optional<Integer> start();

  public abstract Optional<Integer> end();

  public abstract Optional<Integer> to();

  public abstract Optional<Boolean> exclude();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicPortForwardRange copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicPortForwardRange}. */
  public static class Builder extends ImmutableNicPortForwardRange.Builder {}
}
