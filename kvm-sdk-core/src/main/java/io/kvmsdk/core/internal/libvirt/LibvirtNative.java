package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt C functions libvirt-java 0.5.4 does not wrap (bulk statistics, hostname, listing every
 * network, pool or filter at once, DHCP leases, nwfilter bindings) or wraps wrongly
 * ({@code StoragePool.setAutostart} ignores libvirt's failure), bound with JNA. Every {@code Pointer}
 * an allocating function returns is freed by the caller with the matching {@code *Free}
 * (strings and arrays with {@code Native.free}).
 */
interface LibvirtNative extends Library {
  LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

  Pointer virDomainLookupByName(Pointer conn, String name);

  int virDomainFree(Pointer domain);

  String virDomainGetName(Pointer domain);

  /** {@code doms} is NULL-terminated; {@code stats} 0 asks for every group the driver supports. */
  int virDomainListGetStats(Pointer[] doms, int stats, PointerByReference retStats, int flags);

  int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

  void virDomainStatsRecordListFree(Pointer stats);

  /** Returns a string the caller frees ({@code Native.free}), or NULL on error; flags: {@code VIR_DOMAIN_GET_HOSTNAME_*}. */
  Pointer virDomainGetHostname(Pointer domain, int flags);

  // ------------------------------------------------------------------ networks

  /** Fills {@code nets} with an array of {@code n} network pointers (freed each, then the array); returns n or -1. */
  int virConnectListAllNetworks(Pointer conn, PointerByReference nets, int flags);

  Pointer virNetworkLookupByName(Pointer conn, String name);

  String virNetworkGetName(Pointer net);

  /** {@code buf}: 37 bytes (VIR_UUID_STRING_BUFLEN). */
  int virNetworkGetUUIDString(Pointer net, byte[] buf);

  int virNetworkFree(Pointer net);

  /** Fills {@code leases} with an array of {@code n} {@code virNetworkDHCPLeasePtr}; {@code mac} null: every lease. */
  int virNetworkGetDHCPLeases(Pointer net, String mac, PointerByReference leases, int flags);

  void virNetworkDHCPLeaseFree(Pointer lease);

  // ------------------------------------------------------------------ storage pools

  int virConnectListAllStoragePools(Pointer conn, PointerByReference pools, int flags);

  Pointer virStoragePoolLookupByName(Pointer conn, String name);

  String virStoragePoolGetName(Pointer pool);

  int virStoragePoolGetUUIDString(Pointer pool, byte[] buf);

  int virStoragePoolSetAutostart(Pointer pool, int autostart);

  int virStoragePoolFree(Pointer pool);

  // ------------------------------------------------------------------ nwfilters and their bindings

  int virConnectListAllNWFilters(Pointer conn, PointerByReference filters, int flags);

  String virNWFilterGetName(Pointer filter);

  int virNWFilterGetUUIDString(Pointer filter, byte[] buf);

  int virNWFilterFree(Pointer filter);

  Pointer virNWFilterBindingCreateXML(Pointer conn, String xml, int flags);

  Pointer virNWFilterBindingLookupByPortDev(Pointer conn, String portdev);

  int virConnectListAllNWFilterBindings(Pointer conn, PointerByReference bindings, int flags);

  String virNWFilterBindingGetPortDev(Pointer binding);

  /** Returns a string the caller frees ({@code Native.free}), or NULL on error. */
  Pointer virNWFilterBindingGetXMLDesc(Pointer binding, int flags);

  int virNWFilterBindingDelete(Pointer binding);

  int virNWFilterBindingFree(Pointer binding);
}
