package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.storage.internal.Names;
import org.immutables.value.Value;

/** An iSCSI portal: the address and TCP port a target listens on ({@code 192.0.2.10:3260}). */
@Value.Immutable
public abstract class IscsiPortal {
  /** iSCSI's well-known port. */
  public static final int DEFAULT_PORT = 3260;

  /** An IPv4 address or a host name ({@code 0.0.0.0} for every address, LIO only). */
  public abstract String address();

  @Value.Default public int port() { return DEFAULT_PORT; }

  /** {@code address} on port 3260. */
  public static IscsiPortal of(String address) { return builder().address(address).build(); }

  /** {@code address} on {@code port}. */
  public static IscsiPortal of(String address, int port) { return builder().address(address).port(port).build(); }

  /** Parses {@code address[:port]}. */
  public static IscsiPortal parse(String text) {
    if (text == null) throw new InvalidSpecException("portal", "must be address[:port], got none");
    int colon = text.lastIndexOf(':');
    if (colon < 0) return of(text);
    try {
      return of(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("portal", "must be address[:port], got " + Names.quoted(text));
    }
  }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.host("portal/address", address());
    if (port() < 1 || port() > 65535) throw new InvalidSpecException("portal/port", "must be 1-65535, got " + port());
  }

  /** The libvirt {@code <host name='' port=''/>} of this portal. */
  public SourceHost sourceHost() { return SourceHost.of(address(), port()); }

  /** {@code address:port}, as iscsiadm's {@code -p} and tgtd's {@code portal=} take it. */
  @Override public String toString() { return address() + ":" + port(); }

  public static class Builder extends ImmutableIscsiPortal.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("address", "portal/address");
    @Override public IscsiPortal build() { return REQUIRED.build(super::build); }
  }
}
