package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <usbdev>}: one redirection rule; an absent or {@code -1} field matches anything. */
@Value.Immutable
public abstract class RedirfilterUsbdev {
  /** USB class ({@code class}). */
  public abstract Optional<String> usbClass();

  /** USB vendor id. */
  public abstract Optional<String> vendor();

  /** USB product id. */
  public abstract Optional<String> product();

  /** Device revision. */
  public abstract Optional<String> version();

  /** Whether matching devices may be redirected. */
  public abstract Optional<Boolean> allow();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A rule allowing every device. */
  public static RedirfilterUsbdev allowAll() { return builder().allow(true).build(); }

  /** A rule denying every device. */
  public static RedirfilterUsbdev denyAll() { return builder().allow(false).build(); }

  @Value.Check protected void check() {
    if (allow().isEmpty()) throw new InvalidSpecException("@allow", "required ('yes' or 'no')");
    if (usbClass().isPresent() && !usbClass().get().equals("-1")) {
      String c = usbClass().get();
      int v;
      try {
        v = c.startsWith("0x") || c.startsWith("0X") ? Integer.parseInt(c.substring(2), 16) : Integer.parseInt(c);
      } catch (NumberFormatException e) {
        v = -2;
      }
      if (v < 0 || v > 0xff) throw new InvalidSpecException("@class", "must be a USB class code 0x00-0xff or -1, got '" + c + "'");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public RedirfilterUsbdev copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link RedirfilterUsbdev}. */
  public static class Builder extends ImmutableRedirfilterUsbdev.Builder {}
}
