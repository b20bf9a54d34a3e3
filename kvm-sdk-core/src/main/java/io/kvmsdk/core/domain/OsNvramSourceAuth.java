package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <auth>} in an NVRAM {@code <source>}: who to authenticate as. */
@Value.Immutable
public abstract class OsNvramSourceAuth {
  /** The {@code username} attribute. */
  public abstract Optional<String> username();
  /** The {@code <secret>} child. */
  public abstract Optional<OsNvramSourceSecret> secret();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsNvramSourceAuth copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsNvramSourceAuth}. */
  public static class Builder extends ImmutableOsNvramSourceAuth.Builder {}
}
