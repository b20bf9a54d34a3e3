package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <guest>} of an interface: the device name inside the guest (LXC). */
@Value.Immutable
public abstract class NicGuest {
  public abstract Optional<String> dev();

  public abstract Optional<String> actual();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicGuest copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicGuest}. */
  public static class Builder extends ImmutableNicGuest.Builder {}
}
