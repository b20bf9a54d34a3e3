package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <local>} of a UDP interface source: the local end of the tunnel. */
@Value.Immutable
public abstract class NicSourceLocal {
  public abstract Optional<String> address();

  public abstract Optional<Integer> port();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicSourceLocal copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicSourceLocal}. */
  public static class Builder extends ImmutableNicSourceLocal.Builder {}
}
