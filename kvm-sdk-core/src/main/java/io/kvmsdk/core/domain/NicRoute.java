package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <route>} of an interface or its source: a static IP route. */
@Value.Immutable
public abstract class NicRoute {
  public abstract Optional<String> family();

  public abstract Optional<String> address();

  public abstract Optional<String> netmask();

  public abstract Optional<Integer> prefix();

  public abstract Optional<String> gateway();

  public abstract Optional<Integer> metric();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicRoute copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicRoute}. */
  public static class Builder extends ImmutableNicRoute.Builder {}
}
