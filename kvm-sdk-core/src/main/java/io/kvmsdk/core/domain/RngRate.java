package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <rate bytes='N' period='ms'/>}: how much entropy the guest may consume per period. */
@Value.Immutable
public abstract class RngRate {
  /** Bytes allowed per period (required, positive). */
  public abstract Optional<Integer> bytes();

  /** Period in milliseconds (default 1000). */
  public abstract Optional<Integer> period();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code bytes} per {@code periodMillis}. */
  public static RngRate of(int bytes, int periodMillis) { return builder().bytes(bytes).period(periodMillis).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public RngRate copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link RngRate}. */
  public static class Builder extends ImmutableRngRate.Builder {}
}
