package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host><cpu><features>}: the legacy marker features some drivers report ({@code <pae/>}, {@code <vmx/>}, ...). */
@Value.Immutable
public abstract class CapsHostCpuFeatureFlags {
  @Value.Default public boolean pae() { return false; }

  @Value.Default public boolean nonpae() { return false; }

  @Value.Default public boolean vmx() { return false; }

  @Value.Default public boolean svm() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsHostCpuFeatureFlags copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsHostCpuFeatureFlags}. */
  public static class Builder extends ImmutableCapsHostCpuFeatureFlags.Builder {}
}
