package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <redirdev>}: a USB device redirected from a client (SPICE) or a TCP peer. */
@Value.Immutable
public abstract class Redirdev {
  /** Always {@code usb}. */
  public abstract Optional<String> bus();

  /** {@code spicevmc} or {@code tcp}. */
  public abstract Optional<String> type();

  /** {@code <source>}: the TCP peer. */
  public abstract Optional<RedirdevSource> source();

  /** {@code <protocol type=''/>}: {@code raw} or {@code telnet}. */
  public abstract Optional<String> protocol();

  /** {@code <boot>}: boot order. */
  public abstract Optional<DiskBoot> boot();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <address>}: the USB port. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A USB device redirected by the SPICE client. */
  public static Redirdev spice() { return builder().bus("usb").type("spicevmc").build(); }

  @Value.Check protected void check() {
    if (bus().isPresent() && !bus().get().equals("usb")) {
      throw new InvalidSpecException("@bus", "must be 'usb', got '" + bus().get() + "'");
    }
    if (type().filter("tcp"::equals).isPresent() && source().flatMap(RedirdevSource::host).isEmpty()) {
      throw new InvalidSpecException("source/@host", "required for a redirdev of type 'tcp'");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Redirdev copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Redirdev}. */
  public static class Builder extends ImmutableRedirdev.Builder {}
}
