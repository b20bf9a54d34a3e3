package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <smartcard>}: a smartcard on a CCID controller. */
@Value.Immutable
public abstract class Smartcard {
  /** {@code host}, {@code host-certificates} or {@code passthrough}. */
  public abstract Optional<String> mode();

  /** Character device type in passthrough mode ({@code tcp}, {@code spicevmc}, ...). */
  public abstract Optional<String> type();

  /** {@code <certificate>}: the three NSS certificate names (host-certificates). */
  public abstract List<String> certificates();

  /** {@code <database>}: the NSS database directory. */
  public abstract Optional<String> database();

  /** {@code <source>}: the passthrough peer. */
  public abstract Optional<SmartcardSource> source();

  /** {@code <protocol type=''/>}: {@code raw} or {@code telnet}. */
  public abstract Optional<String> protocol();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <address>}: the CCID slot. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A smartcard backed by the host's reader. */
  public static Smartcard host() { return builder().mode("host").build(); }

  @Value.Check protected void check() {
    if (mode().isEmpty()) throw new InvalidSpecException("@mode", "required ('host', 'host-certificates' or 'passthrough')");
    if (mode().get().equals("passthrough") && type().isEmpty()) {
      throw new InvalidSpecException("@type", "passthrough mode requires a character device type ('tcp', 'spicevmc', ...)");
    }
    if (mode().get().equals("host-certificates") && certificates().size() != 3) {
      throw new InvalidSpecException("certificate", "host-certificates mode needs exactly three certificates, got " + certificates().size());
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Smartcard copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Smartcard}. */
  public static class Builder extends ImmutableSmartcard.Builder {}
}
