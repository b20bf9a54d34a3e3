package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <target>} of an interface: the host-side tap device. */
@Value.Immutable
public abstract class NicTarget {
  public abstract Optional<String> dev();

  /** {@code false} to use a pre-created tap as is. */
  public abstract Optional<Boolean> managed();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicTarget}. */
  public static class Builder extends ImmutableNicTarget.Builder {}
}
