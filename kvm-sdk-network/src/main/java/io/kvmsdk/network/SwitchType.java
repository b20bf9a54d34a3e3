package io.kvmsdk.network;

/** Which switch implements a bridge or a bond: the Linux kernel's ({@code ip}, {@code bridge}) or Open vSwitch ({@code ovs-vsctl}). */
public enum SwitchType {
  LINUX,
  OVS
}
