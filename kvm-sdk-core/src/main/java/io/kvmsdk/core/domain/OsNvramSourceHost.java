package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <host>} in an NVRAM {@code <source>}: a server of a network NVRAM store. */
@Value.Immutable
public abstract class OsNvramSourceHost {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code port} attribute. */
  public abstract Optional<Integer> port();
  /** The {@code transport} attribute. */
  public abstract Optional<String> transport();
  /** The {@code socket} attribute. */
  public abstract Optional<String> socket();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsNvramSourceHost copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsNvramSourceHost}. */
  public static class Builder extends ImmutableOsNvramSourceHost.Builder {}
}
