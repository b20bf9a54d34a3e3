package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <tcp>} and {@code <tcp-ipv6>} elements of a rule. libvirt matches {@code flags} on
 * {@code <tcp>} only.
 */
@Value.Immutable
public abstract class TcpMatch implements IpHeaderFields, PortFields {
  /** TCP option (UINT8). */
  public abstract Optional<String> option();

  /** {@code mask/flags}, each a comma-separated list of SYN, ACK, URG, PSH, FIN, RST, or ALL or NONE. */
  public abstract Optional<String> flags();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public TcpMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link TcpMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableTcpMatch.Builder implements IpHeaderFields.Setters<Builder>, PortFields.Setters<Builder> {}
}
