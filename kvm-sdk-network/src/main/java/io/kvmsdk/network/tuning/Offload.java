package io.kvmsdk.network.tuning;

/**
 * An offload feature as {@code ethtool -K} names it ({@link #ethtoolName()}) and {@code ethtool -k}
 * lists it ({@link #listedName()}).
 */
public enum Offload {
  RX_CHECKSUM("rx", "rx-checksumming"),
  TX_CHECKSUM("tx", "tx-checksumming"),
  SCATTER_GATHER("sg", "scatter-gather"),
  TSO("tso", "tcp-segmentation-offload"),
  GSO("gso", "generic-segmentation-offload"),
  GRO("gro", "generic-receive-offload"),
  LRO("lro", "large-receive-offload"),
  RX_VLAN("rxvlan", "rx-vlan-offload"),
  TX_VLAN("txvlan", "tx-vlan-offload"),
  NTUPLE("ntuple", "ntuple-filters"),
  RX_HASH("rxhash", "receive-hashing");

  private final String ethtoolName;
  private final String listedName;

  Offload(String ethtoolName, String listedName) {
    this.ethtoolName = ethtoolName;
    this.listedName = listedName;
  }

  /** The short name {@code ethtool -K IFACE NAME on|off} takes, e.g. {@code gro}. */
  public String ethtoolName() { return ethtoolName; }

  /** The name {@code ethtool -k IFACE} lists, e.g. {@code generic-receive-offload}. */
  public String listedName() { return listedName; }
}
