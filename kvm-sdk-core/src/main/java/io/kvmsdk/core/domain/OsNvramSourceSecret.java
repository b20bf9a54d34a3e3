package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <secret>} in an NVRAM source {@code <auth>}: the libvirt secret holding the credential. */
@Value.Immutable
public abstract class OsNvramSourceSecret {
  /** The {@code type} attribute. */
  public abstract Optional<String> type();
  /** The {@code usage} attribute. */
  public abstract Optional<String> usage();
  /** The {@code uuid} attribute. */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsNvramSourceSecret copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsNvramSourceSecret}. */
  public static class Builder extends ImmutableOsNvramSourceSecret.Builder {}
}
