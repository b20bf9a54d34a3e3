package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <guest>}: a kind of guest the host can run: OS type, architecture and features. */
@Value.Immutable
public abstract class CapsGuest {
  /** {@code <os_type>}: hvm, xen, linux, xenpvh or exe. */
  public abstract String osType();

  public abstract CapsGuestArch arch();

  public abstract Optional<CapsGuestFeatures> features();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsGuest copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsGuest}. */
  public static class Builder extends ImmutableCapsGuest.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("osType", "os_type", "arch", "arch");

    @Override public CapsGuest build() { return REQUIRED.build(super::build); }
  }
}
