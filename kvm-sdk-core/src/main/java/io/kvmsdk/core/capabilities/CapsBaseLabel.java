package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <baselabel type='kvm'>system_u:system_r:svirt_t:s0</baselabel>}: a security model's default label for a domain type. */
@Value.Immutable
public abstract class CapsBaseLabel {
  public abstract Optional<String> type();

  public abstract Optional<String> label();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsBaseLabel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsBaseLabel}. */
  public static class Builder extends ImmutableCapsBaseLabel.Builder {}
}
