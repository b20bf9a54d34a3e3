package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <acpi default='on' toggle='yes'/>}: a guest feature's default and whether it can be changed. */
@Value.Immutable
public abstract class CapsFeatureToggle {
  /** The {@code default} attribute: whether the feature is on by default. */
  public abstract Optional<Boolean> defaultOn();

  /** Whether the user can override the default. */
  public abstract Optional<Boolean> toggle();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsFeatureToggle copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsFeatureToggle}. */
  public static class Builder extends ImmutableCapsFeatureToggle.Builder {}
}
