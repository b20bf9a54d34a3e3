package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <ivgen>} of LUKS encryption. */
@Value.Immutable
public abstract class EncryptionIvgen {
  /** Generator name, such as {@code plain64}. */
  public abstract Optional<String> name();

  /** Hash algorithm. */
  public abstract Optional<String> hash();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public EncryptionIvgen copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link EncryptionIvgen}. */
  public static class Builder extends ImmutableEncryptionIvgen.Builder {}
}
