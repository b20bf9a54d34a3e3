package io.kvmsdk.core.common;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <host>} of a network disk source: a server by name and port, or a UNIX socket. */
@Value.Immutable
public abstract class SourceHost {
  /** Host name or address. */
  public abstract Optional<String> name();

  /** TCP port. */
  public abstract Optional<Integer> port();

  /** {@code tcp}, {@code rdma} or {@code unix}. */
  public abstract Optional<String> transport();

  /** Socket path when {@code transport='unix'}. */
  public abstract Optional<String> socket();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A server by name, on the protocol's default port. */
  public static SourceHost of(String name) { return builder().name(name).build(); }

  /** A server by name and TCP port. */
  public static SourceHost of(String name, int port) { return builder().name(name).port(port).build(); }

  /** A server reached over the UNIX socket {@code socket}. */
  public static SourceHost unix(String socket) { return builder().transport("unix").socket(socket).build(); }

  @Value.Check protected void check() {
    boolean unix = transport().filter("unix"::equals).isPresent();
    if (unix && socket().isEmpty()) throw new InvalidSpecException("@socket", "required when transport is 'unix'");
    if (!unix && socket().isPresent()) {
      throw new InvalidSpecException("@socket", "only valid with transport 'unix', got transport '" + transport().orElse("tcp") + "'");
    }
    if (!unix && name().isEmpty()) throw new InvalidSpecException("@name", "required unless transport is 'unix'");
    if (port().isPresent() && (port().get() < 0 || port().get() > 65535)) {
      throw new InvalidSpecException("@port", "must be a TCP port 0-65535, got " + Integer.toUnsignedString(port().get()));
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SourceHost copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SourceHost}. */
  public static class Builder extends ImmutableSourceHost.Builder {}
}
