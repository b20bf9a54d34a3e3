package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <seclabel>}: the security label (SELinux, AppArmor, DAC). */
@Value.Immutable
public abstract class SecLabel {
  public abstract Optional<String> type();
  public abstract Optional<String> model();
  public abstract Optional<Boolean> relabel();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SecLabel copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SecLabel}. */
  public static class Builder extends ImmutableSecLabel.Builder {}
}
