package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kvmsdk.core.network.DhcpLease;
import io.kvmsdk.core.spi.NetworkDriver;
import io.kvmsdk.core.spi.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libvirt.Network;

/** The {@link NetworkDriver} on libvirt: libvirt-java's {@code Network}, JNA for listing and DHCP leases. */
final class LibvirtNetworks extends LibvirtLifecycle<Network> implements NetworkDriver {
  /** {@code VIR_NETWORK_XML_INACTIVE}. */
  private static final int XML_INACTIVE = 1;

  LibvirtNetworks(LibvirtSession session) { super(session, "network"); }

  @Override Network lookupByName(LibvirtConnect c, String name) throws org.libvirt.LibvirtException { return c.networkLookupByName(name); }

  @Override void free(Network n) throws org.libvirt.LibvirtException { n.free(); }

  @Override ObjectRef ref(Network n) throws org.libvirt.LibvirtException { return new ObjectRef(n.getName(), n.getUUIDString()); }

  @Override Network defineXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.networkDefineXML(xml); }

  @Override Network createXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.networkCreateXML(xml); }

  @Override List<ObjectRef> listAll(LibvirtConnect c) {
    LibvirtNative n = LibvirtNative.INSTANCE;
    return LibvirtNativeLists.read(session, c, "list networks", n::virConnectListAllNetworks,
        p -> new ObjectRef(n.virNetworkGetName(p), LibvirtNativeLists.uuid(p, n::virNetworkGetUUIDString)), n::virNetworkFree);
  }

  @Override String xmlDesc(Network n, boolean inactive) throws org.libvirt.LibvirtException { return n.getXMLDesc(inactive ? XML_INACTIVE : 0); }

  @Override void start(Network n) throws org.libvirt.LibvirtException { n.create(); }

  @Override void destroy(Network n) throws org.libvirt.LibvirtException { n.destroy(); }

  @Override void undefine(Network n) throws org.libvirt.LibvirtException { n.undefine(); }

  @Override boolean isActive(Network n) throws org.libvirt.LibvirtException { return n.isActive() == 1; }

  @Override boolean isPersistent(Network n) throws org.libvirt.LibvirtException { return n.isPersistent() == 1; }

  @Override boolean autostart(Network n) throws org.libvirt.LibvirtException { return n.getAutostart(); }

  @Override void setAutostart(Network n, boolean autostart) throws org.libvirt.LibvirtException { n.setAutostart(autostart); }

  /**
   * Through JNA ({@code virNetworkGetDHCPLeases}). {@code virNetworkDHCPLease} on LP64: {@code char *iface}
   * at 0, {@code long long expirytime} at 8, {@code int type} at 16, {@code char *mac} at 24, {@code *iaid}
   * at 32, {@code *ipaddr} at 40, {@code unsigned int prefix} at 48, {@code char *hostname} at 56,
   * {@code *clientid} at 64.
   */
  @Override public List<DhcpLease> dhcpLeases(String network) {
    return session.callNative(c -> {
      String op = "get the DHCP leases of network '" + network + "'";
      LibvirtNative n = LibvirtNative.INSTANCE;
      Pointer net = n.virNetworkLookupByName(session.pointer(c), network);
      if (net == null) throw session.failNative(c, op, "network", network);
      try {
        PointerByReference out = new PointerByReference();
        int count = n.virNetworkGetDHCPLeases(net, null, out, 0);
        if (count < 0) throw session.failNative(c, op, "network", network);
        Pointer array = out.getValue();
        Pointer[] leases = count == 0 || array == null ? new Pointer[0] : array.getPointerArray(0, count);
        List<DhcpLease> result = new ArrayList<>(count);
        try {
          for (Pointer l : leases) result.add(lease(l));
        } finally {
          for (Pointer l : leases) n.virNetworkDHCPLeaseFree(l);
          if (array != null) Native.free(Pointer.nativeValue(array));
        }
        return result;
      } finally {
        n.virNetworkFree(net);
      }
    });
  }

  private static DhcpLease lease(Pointer l) {
    int ps = Native.POINTER_SIZE;
    long expiry = l.getLong(ps);
    int type = l.getInt(2L * ps);
    long o = 3L * ps;   // after the int (padded to a pointer)
    return new DhcpLease(string(l, 0), Instant.ofEpochSecond(expiry), type == 1 ? "ipv6" : "ipv4", string(l, o + 2L * ps),
        l.getInt(o + 3L * ps), Optional.ofNullable(string(l, o)), Optional.ofNullable(string(l, o + ps)),
        Optional.ofNullable(string(l, o + 4L * ps)), Optional.ofNullable(string(l, o + 5L * ps)));
  }

  private static String string(Pointer p, long offset) {
    Pointer s = p.getPointer(offset);
    return s == null ? null : s.getString(0, "UTF-8");
  }
}
