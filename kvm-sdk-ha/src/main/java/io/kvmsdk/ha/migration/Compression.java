package io.kvmsdk.ha.migration;

/** A migration compression method libvirt 9.0's QEMU driver accepts ({@code VIR_MIGRATE_PARAM_COMPRESSION}). */
public enum Compression {
  /** QEMU's XBZRLE: pages sent again go as deltas against a cache of the previous copy (helps busy guests). */
  XBZRLE("xbzrle"),
  /** QEMU's multithreaded zlib compression of every page (CPU for bandwidth). */
  MT("mt");

  private final String libvirtName;

  Compression(String libvirtName) { this.libvirtName = libvirtName; }

  /** The value of libvirt's {@code compression} parameter. */
  public String libvirtName() { return libvirtName; }
}
