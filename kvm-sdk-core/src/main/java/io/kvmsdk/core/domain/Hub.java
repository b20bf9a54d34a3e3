package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <hub>}: a USB hub. */
@Value.Immutable
public abstract class Hub {
  /** Always {@code usb}. */
  public abstract Optional<String> type();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <address>}: the USB port. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A USB hub. */
  public static Hub usb() { return builder().type("usb").build(); }

  @Value.Check protected void check() {
    if (type().isPresent() && !type().get().equals("usb")) throw new InvalidSpecException("@type", "must be 'usb', got '" + type().get() + "'");
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Hub copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Hub}. */
  public static class Builder extends ImmutableHub.Builder {}
}
