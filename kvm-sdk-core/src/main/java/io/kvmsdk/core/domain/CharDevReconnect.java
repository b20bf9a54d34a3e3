package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <reconnect enabled='yes' timeout='N'/>}: how a connect-mode tcp or unix character device reconnects. */
@Value.Immutable
public abstract class CharDevReconnect {
  /** Whether to reconnect ({@code enabled}). */
  public abstract Optional<Boolean> enabled();

  /** Seconds to wait before reconnecting ({@code timeout}); required when enabled. */
  public abstract Optional<Integer> timeout();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Reconnect {@code seconds} after the connection is lost. */
  public static CharDevReconnect after(int seconds) { return builder().enabled(true).timeout(seconds).build(); }

  /** Never reconnect. */
  public static CharDevReconnect disabled() { return builder().enabled(false).build(); }

  @Value.Check protected void check() {
    if (enabled().orElse(false) && timeout().isEmpty()) throw new InvalidSpecException("@timeout", "is required when reconnect is enabled");
    if (timeout().isPresent() && timeout().get() < 0) throw new InvalidSpecException("@timeout", "must be a non-negative number of seconds, got " + timeout().get());
  }

  /** Derives a changed copy; this value stays as it is. */
  public CharDevReconnect copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CharDevReconnect}. */
  public static class Builder extends ImmutableCharDevReconnect.Builder {}
}
