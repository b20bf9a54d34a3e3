package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <domain type='kvm'>}: a hypervisor type that runs this guest architecture, with its own emulator and machines when they differ. */
@Value.Immutable
public abstract class CapsGuestDomain {
  public abstract String type();

  public abstract Optional<String> emulator();

  public abstract List<CapsMachine> machines();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsGuestDomain copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsGuestDomain}. */
  public static class Builder extends ImmutableCapsGuestDomain.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("type", "@type");

    @Override public CapsGuestDomain build() { return REQUIRED.build(super::build); }
  }
}
