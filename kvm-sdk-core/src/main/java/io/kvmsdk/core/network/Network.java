package io.kvmsdk.core.network;

import io.kvmsdk.core.spi.Hypervisor;
import java.util.List;
import java.util.Objects;

/**
 * A handle to a virtual network, named by its name, like {@link io.kvmsdk.core.domain.Domain}: cheap,
 * thread-safe, never closed. Calls on a network that no longer exists throw
 * {@link io.kvmsdk.core.NotFoundException}; a call libvirt refuses (start an active network) throws
 * {@link io.kvmsdk.core.LibvirtException}.
 */
public final class Network {
  private final Hypervisor hypervisor;
  private final String name;
  private final String uuid;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.networks()}. */
  public Network(Hypervisor hypervisor, String name, String uuid) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.name = Objects.requireNonNull(name);
    this.uuid = uuid;
  }

  public String name() { return name; }

  public String uuid() { return uuid; }

  /** Starts the (inactive, defined) network: its bridge, addresses, DHCP server. */
  public Network start() {
    hypervisor.networks().start(name);
    return this;
  }

  /** Stops the network at once; a transient one disappears. */
  public Network destroy() {
    hypervisor.networks().destroy(name);
    return this;
  }

  /** Removes the persistent definition; an active network goes on running as a transient one until destroyed. */
  public void undefine() { hypervisor.networks().undefine(name); }

  public boolean isActive() { return hypervisor.networks().isActive(name); }

  /** True for a defined network, false for a transient one. */
  public boolean isPersistent() { return hypervisor.networks().isPersistent(name); }

  /** Whether the network starts when the host (libvirtd) starts. */
  public boolean autostart() { return hypervisor.networks().autostart(name); }

  /** Refused for a transient network. */
  public Network setAutostart(boolean autostart) {
    hypervisor.networks().setAutostart(name, autostart);
    return this;
  }

  /** The persistent definition (the one the next start uses), parsed; a transient network's running one. */
  public NetworkSpec spec() { return NetworkSpec.fromXml(hypervisor.networks().xml(name, true)); }

  /** The definition in force now, with what libvirt fills in when it starts the network (a NAT port range), parsed. */
  public NetworkSpec liveSpec() { return NetworkSpec.fromXml(hypervisor.networks().xml(name, false)); }

  /** The leases its DHCP server handed out and that have not expired ({@code virNetworkGetDHCPLeases}). */
  public List<DhcpLease> dhcpLeases() { return hypervisor.networks().dhcpLeases(name); }

  /** Equal when both name the same network (same name and UUID). */
  @Override public boolean equals(Object o) { return o instanceof Network n && n.name.equals(name) && Objects.equals(n.uuid, uuid); }

  @Override public int hashCode() { return name.hashCode(); }

  /** {@code Network[default active]}: asks libvirt for the state; shows {@code ?} if that fails. */
  @Override public String toString() {
    String st;
    try {
      st = isActive() ? "active" : "inactive";
    } catch (RuntimeException e) {
      st = "?";
    }
    return "Network[" + name + " " + st + "]";
  }
}
