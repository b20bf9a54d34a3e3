package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <backend>} of an interface: passt, or the tap and vhost device paths. */
@Value.Immutable
public abstract class NicBackend {
  /** {@code passt} for a user interface. */
  public abstract Optional<String> type();

  public abstract Optional<String> tap();

  public abstract Optional<String> vhost();

  public abstract Optional<String> logFile();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicBackend copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicBackend}. */
  public static class Builder extends ImmutableNicBackend.Builder {}
}
