package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of a redirdev: the peer to connect to or listen on. */
@Value.Immutable
public abstract class RedirdevSource {
  /** {@code connect} or {@code bind}. */
  public abstract Optional<String> mode();

  /** Host name or address. */
  public abstract Optional<String> host();

  /** TCP port. */
  public abstract Optional<String> service();

  /** UNIX socket path. */
  public abstract Optional<String> path();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public RedirdevSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link RedirdevSource}. */
  public static class Builder extends ImmutableRedirdevSource.Builder {}
}
