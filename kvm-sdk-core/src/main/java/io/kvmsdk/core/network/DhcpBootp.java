package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dhcp><bootp file='..' server='..'/>}: the BOOTP boot image (IPv4 only). */
@Value.Immutable
public abstract class DhcpBootp {
  /** The boot image. */
  public abstract Optional<String> file();

  /** The TFTP server (the DHCP server itself when absent). */
  public abstract Optional<String> server();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DhcpBootp copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Boot image {@code file} from the DHCP host's own TFTP server. */
  public static DhcpBootp of(String file) { return builder().file(file).build(); }

  /** Builds a {@link DhcpBootp}. */
  public static class Builder extends ImmutableDhcpBootp.Builder {}
}
