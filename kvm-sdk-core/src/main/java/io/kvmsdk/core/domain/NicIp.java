package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <ip>} of an interface or its source: an IP address set on the device. */
@Value.Immutable
public abstract class NicIp {
  public abstract Optional<String> address();

  /** {@code ipv4} or {@code ipv6}. */
  public abstract Optional<String> family();

  public abstract Optional<Integer> prefix();

  /** The other end of a point-to-point link. */
  public abstract Optional<String> peer();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicIp copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** An address with a prefix length. */
  public static NicIp of(String address, int prefix) { return builder().address(address).prefix(prefix).build(); }

  /** Builds a {@link NicIp}. */
  public static class Builder extends ImmutableNicIp.Builder {}
}
