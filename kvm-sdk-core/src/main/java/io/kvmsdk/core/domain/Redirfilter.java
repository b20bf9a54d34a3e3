package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <redirfilter>}: which USB devices may be redirected. */
@Value.Immutable
public abstract class Redirfilter {
  /** {@code <usbdev>}: the rules, first match wins. */
  public abstract List<RedirfilterUsbdev> usbdevs();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Redirfilter copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Redirfilter}. */
  public static class Builder extends ImmutableRedirfilter.Builder {}
}
