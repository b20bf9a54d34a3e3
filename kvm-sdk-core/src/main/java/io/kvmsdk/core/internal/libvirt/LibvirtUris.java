package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.InvalidSpecException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What a libvirt connection URI must look like before libvirt sees it:
 * {@code driver[+transport]://[user@][host][:port]/[path][?extra]}. libvirt itself answers a URI it
 * cannot use with a misleading error (an unknown scheme with a host becomes a TLS connection that
 * cannot read its CA certificate; without a host, a dial to the default daemon socket), so the SDK
 * names what is wrong with the URI first. Never retryable: the same URI fails the same way.
 */
public final class LibvirtUris {
  private LibvirtUris() {}

  /** The hypervisor drivers libvirt 9.0 accepts as a URI scheme (and its modular daemons' names). */
  static final Set<String> DRIVERS = Set.of("qemu", "test", "lxc", "xen", "libxl", "vbox", "vmwareplayer", "vmwarews",
      "vmwarefusion", "esx", "gsx", "vpx", "hyperv", "openvz", "bhyve", "vz", "parallels", "ch", "remote",
      "interface", "network", "nodedev", "nwfilter", "secret", "storage");

  /** The transports of libvirt's remote driver. */
  static final Set<String> TRANSPORTS = Set.of("unix", "ssh", "tcp", "tls", "ext", "libssh", "libssh2");

  /** Throws {@link InvalidSpecException} on field {@code uri} naming what is wrong, unless {@code uri} is a usable libvirt URI. */
  public static void check(String uri) {
    if (uri.isBlank()) throw empty();
    URI u;
    try {
      u = new URI(uri.strip());
    } catch (URISyntaxException e) {
      throw new InvalidSpecException("uri", "'" + uri + "' is not a URI (" + e.getReason() + " at index " + e.getIndex()
          + "): write driver[+transport]://[user@host]/path, for example qemu:///system or qemu+ssh://root@hv1/system", e);
    }
    if (u.getScheme() == null) {
      throw new InvalidSpecException("uri", "'" + uri + "' names no hypervisor driver: write driver[+transport]://[user@host]/path, "
          + "for example qemu:///system, test:///default or qemu+ssh://root@hv1/system");
    }
    if (u.isOpaque()) {
      throw new InvalidSpecException("uri", "'" + uri + "' lacks the '//' after '" + u.getScheme() + ":': write "
          + u.getScheme() + ":///system or " + u.getScheme() + "://host/system");
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int plus = scheme.indexOf('+');
    String driver = plus < 0 ? scheme : scheme.substring(0, plus);
    if (!DRIVERS.contains(driver)) {
      throw new InvalidSpecException("uri", "'" + uri + "' names an unknown hypervisor driver '" + driver + "' (libvirt knows "
          + String.join(", ", new java.util.TreeSet<>(DRIVERS)) + "; the testkit's fake is fake:///NAME)");
    }
    if (plus >= 0) {
      String transport = scheme.substring(plus + 1);
      if (!TRANSPORTS.contains(transport)) {
        throw new InvalidSpecException("uri", "'" + uri + "' names an unknown transport '" + transport + "' (libvirt knows "
            + String.join(", ", new java.util.TreeSet<>(TRANSPORTS)) + ")");
      }
    }
  }

  /** The refusal of an empty URI (libvirt would silently open its default: LIBVIRT_DEFAULT_URI, uri_default or probing). */
  public static InvalidSpecException empty() {
    return new InvalidSpecException("uri", "is empty: name the hypervisor, for example qemu:///system, qemu+ssh://root@hv1/system "
        + "or test:///default (libvirt would otherwise pick its default connection silently)");
  }
}
