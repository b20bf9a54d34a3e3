package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt C functions libvirt-java 0.5.4 does not wrap (bulk statistics, hostname, listing every
 * network, pool or filter at once, DHCP leases, nwfilter bindings, migration with typed parameters, job
 * statistics, post-copy, job events) or wraps wrongly
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

  // ------------------------------------------------------------------ migration and jobs

  /** Returns the domain on {@code dconn} (freed by the caller), or NULL on error. */
  Pointer virDomainMigrate3(Pointer domain, Pointer dconn, Pointer params, int nparams, int flags);

  int virDomainMigrateToURI3(Pointer domain, String dconnuri, Pointer params, int nparams, int flags);

  /** Fills {@code params} with an array the caller frees with {@link #virTypedParamsFree}. */
  int virDomainGetJobStats(Pointer domain, IntByReference type, PointerByReference params, IntByReference nparams, int flags);

  int virDomainAbortJob(Pointer domain);

  int virDomainMigrateSetMaxDowntime(Pointer domain, long downtime, int flags);

  int virDomainMigrateGetMaxDowntime(Pointer domain, LongByReference downtime, int flags);

  int virDomainMigrateSetMaxSpeed(Pointer domain, NativeLong bandwidth, int flags);

  int virDomainMigrateGetMaxSpeed(Pointer domain, NativeLongByReference bandwidth, int flags);

  int virDomainMigrateStartPostCopy(Pointer domain, int flags);

  void virTypedParamsFree(Pointer params, int nparams);

  int virTypedParamsAddInt(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, int value);

  int virTypedParamsAddUInt(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, int value);

  int virTypedParamsAddLLong(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, long value);

  int virTypedParamsAddULLong(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, long value);

  int virTypedParamsAddDouble(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, double value);

  int virTypedParamsAddBoolean(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, int value);

  int virTypedParamsAddString(PointerByReference params, IntByReference nparams, IntByReference maxparams, String name, String value);

  /** {@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION}'s callback; {@code dom} is borrowed (freed by libvirt after the call). */
  interface MigrationIterationCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, int iteration, Pointer opaque);
  }

  /** {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED}'s callback; {@code params} belong to libvirt. */
  interface JobCompletedCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, Pointer params, int nparams, Pointer opaque);
  }

  /** Returns the callback id, or -1; {@code dom} NULL: every domain. */
  int virConnectDomainEventRegisterAny(Pointer conn, Pointer dom, int eventID, Callback cb, Pointer opaque, Pointer freecb);

  int virConnectDomainEventDeregisterAny(Pointer conn, int callbackID);

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
