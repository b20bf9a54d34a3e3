package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <bios>}: SeaBIOS options (serial console output, reboot on boot failure). */
@Value.Immutable
public abstract class OsBios {
  /** The {@code useserial} attribute. */
  public abstract Optional<Boolean> useserial();
  /** Milliseconds before rebooting after a failed boot; -1 disables, at most 65535. */
  public abstract Optional<Integer> rebootTimeout();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (rebootTimeout().isPresent() && (rebootTimeout().get() < -1 || rebootTimeout().get() > 65535)) {
      throw new InvalidSpecException("@rebootTimeout", "must be between -1 and 65535, got " + rebootTimeout().get());
    }
  }

  /** Derives a changed copy. */
  public OsBios copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsBios}. */
  public static class Builder extends ImmutableOsBios.Builder {}
}
