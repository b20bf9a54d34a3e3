package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libvirt C functions libvirt-java 0.5.4 does not wrap (bulk statistics) or wraps wrongly
 * ({@code StoragePool.setAutostart} ignores libvirt's failure), bound with JNA.
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

  Pointer virStoragePoolLookupByName(Pointer conn, String name);

  int virStoragePoolSetAutostart(Pointer pool, int autostart);

  int virStoragePoolFree(Pointer pool);
}
