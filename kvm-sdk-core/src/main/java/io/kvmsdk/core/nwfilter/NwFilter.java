package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.spi.Hypervisor;
import java.util.Objects;

/**
 * A handle to a network filter, named by its name: cheap, thread-safe, never closed. A filter is
 * only defined, never started: libvirt applies it to each running guest interface whose
 * {@code <filterref>} names it (see {@link NwFilters#bindings()}).
 */
public final class NwFilter {
  private final Hypervisor hypervisor;
  private final String name;
  private final String uuid;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.nwfilters()}. */
  public NwFilter(Hypervisor hypervisor, String name, String uuid) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.name = Objects.requireNonNull(name);
    this.uuid = uuid;
  }

  public String name() { return name; }

  public String uuid() { return uuid; }

  /** The definition as libvirt keeps it (with the chain's default priority and each rule's filled in), parsed. */
  public NwFilterSpec spec() { return NwFilterSpec.fromXml(hypervisor.nwfilters().xml(name)); }

  /** Removes the filter; refused ("nwfilter is in use") while a running guest's interface uses it. */
  public void undefine() { hypervisor.nwfilters().undefine(name); }

  /** Equal when both name the same filter (same name and UUID). */
  @Override public boolean equals(Object o) { return o instanceof NwFilter f && f.name.equals(name) && Objects.equals(f.uuid, uuid); }

  @Override public int hashCode() { return name.hashCode(); }

  /** {@code NwFilter[clean-traffic]}. */
  @Override public String toString() { return "NwFilter[" + name + "]"; }
}
