package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <backend model='builtin|lkcf' queues='N'/>}: the backend of a crypto device. */
@Value.Immutable
public abstract class CryptoBackend {
  /** {@code builtin} (QEMU) or {@code lkcf} (Linux kernel crypto framework). */
  public abstract Optional<String> model();

  /** Number of virtqueues (positive). */
  public abstract Optional<Integer> queues();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CryptoBackend copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CryptoBackend}. */
  public static class Builder extends ImmutableCryptoBackend.Builder {}
}
