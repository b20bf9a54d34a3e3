package io.kvmsdk.core.domain;

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
