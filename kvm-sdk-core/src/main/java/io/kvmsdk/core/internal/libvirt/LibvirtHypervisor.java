package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.NetworkDriver;
import io.kvmsdk.core.spi.NodeDriver;
import io.kvmsdk.core.spi.NwFilterDriver;
import io.kvmsdk.core.spi.SecretDriver;
import io.kvmsdk.core.spi.StoragePoolDriver;
import io.kvmsdk.core.spi.StorageVolumeDriver;
import org.libvirt.Connect;
import org.libvirt.ErrorCallback;

/**
 * The {@link Hypervisor} port on libvirt, through libvirt-java 0.5.4 and, for what it lacks, JNA: the
 * root of one connection ({@link LibvirtSession}: locking, reconnect, error mapping) and one adapter
 * per kind of object sharing it ({@link LibvirtDomains}, {@link LibvirtNetworks},
 * {@link LibvirtStoragePools}, {@link LibvirtStorageVolumes}, {@link LibvirtNwFilters},
 * {@link LibvirtSecrets}, {@link LibvirtNode}). Thread-safe: libvirt connections are; domain handles
 * are kept per thread between calls, other objects are looked up, used and freed within a call.
 */
public final class LibvirtHypervisor implements Hypervisor {
  /** Keeps libvirt's default error handler from printing "libvirt: ... error : ..." to stderr. */
  private static final ErrorCallback SILENT = new ErrorCallback();

  private final LibvirtSession session;
  private final LibvirtDomains domains;
  private final LibvirtNetworks networks;
  private final LibvirtStoragePools pools;
  private final LibvirtStorageVolumes volumes;
  private final LibvirtNwFilters nwfilters;
  private final LibvirtSecrets secrets;
  private final LibvirtNode node;

  private static synchronized void initLibrary() throws org.libvirt.LibvirtException {
    Connect.setErrorCallback(SILENT);
    LibvirtEventLoop.init();
  }

  private LibvirtHypervisor(LibvirtSession session, LibvirtDomainCalls calls) {
    this.session = session;
    this.domains = new LibvirtDomains(session, calls);
    this.networks = new LibvirtNetworks(session);
    this.pools = new LibvirtStoragePools(session);
    this.volumes = new LibvirtStorageVolumes(session);
    this.nwfilters = new LibvirtNwFilters(session);
    this.secrets = new LibvirtSecrets(session);
    this.node = new LibvirtNode(session);
  }

  /** Opens {@code uri}; the caller has checked that libvirt-java, JNA and libvirt.so.0 are present. */
  public static LibvirtHypervisor open(String uri) { return open(uri, null); }

  /** Like {@link #open(String)}, with the given binding of the domain lifecycle calls (null: {@link LibvirtDomainCalls#bind()}). */
  static LibvirtHypervisor open(String uri, LibvirtDomainCalls calls) {
    try {
      initLibrary();
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.map("initialising libvirt", "connection", uri, e);
    }
    return new LibvirtHypervisor(new LibvirtSession(uri, LibvirtSession.connect(uri)), calls == null ? LibvirtDomainCalls.bind() : calls);
  }

  LibvirtSession session() { return session; }

  @Override public String uri() { return session.uri(); }

  @Override public boolean isAlive() { return session.isAlive(); }

  @Override public void close() { session.close(domains::beforeClose); }

  @Override public DomainDriver domains() { return domains; }

  @Override public NetworkDriver networks() { return networks; }

  @Override public StoragePoolDriver storagePools() { return pools; }

  @Override public StorageVolumeDriver storageVolumes() { return volumes; }

  @Override public NwFilterDriver nwfilters() { return nwfilters; }

  @Override public SecretDriver secrets() { return secrets; }

  @Override public NodeDriver node() { return node; }

  /**
   * The address as the agent wrote it (libvirt passes {@code inet_ntop}'s text on; libvirt-java turns
   * it into an InetAddress): IPv4 dotted, IPv6 in RFC 5952 form ({@code fe80::5054:ff:fe12:3456}).
   */
  static String ipLiteral(java.net.InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) return a.getHostAddress();
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    int best = -1, bestLen = 1;   // the longest run of two or more zero groups, the first on a tie
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) { i++; continue; }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen) { best = i; bestLen = j - i; }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == best) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }

  @Override public String toString() { return "LibvirtHypervisor[" + session.uri() + "]"; }
}
