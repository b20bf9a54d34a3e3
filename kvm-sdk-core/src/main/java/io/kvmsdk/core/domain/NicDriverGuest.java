package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <guest>} of an interface driver: guest offloads. */
@Value.Immutable
public abstract class NicDriverGuest {
  public abstract Optional<Boolean> csum();

  public abstract Optional<Boolean> tso4();

  public abstract Optional<Boolean> tso6();

  public abstract Optional<Boolean> ecn();

  public abstract Optional<Boolean> ufo();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicDriverGuest copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicDriverGuest}. */
  public static class Builder extends ImmutableNicDriverGuest.Builder {}
}
