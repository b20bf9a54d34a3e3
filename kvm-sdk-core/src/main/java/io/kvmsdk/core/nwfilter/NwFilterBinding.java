package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.xml.XmlElement;
import java.util.Objects;

/** A handle to one filter binding, named by its port device ({@code vnet0}): which filter guards that interface. */
public final class NwFilterBinding {
  private final Hypervisor hypervisor;
  private final String portdev;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.nwfilters().bindings()}. */
  public NwFilterBinding(Hypervisor hypervisor, String portdev) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.portdev = Objects.requireNonNull(portdev);
  }

  /** The port device (the guest interface's tap, {@code vnet0}). */
  public String portdev() { return portdev; }

  /** The name of the filter bound to the port device. */
  public String filter() {
    for (XmlElement c : XmlElement.parse(xml()).children()) if (c.name().equals("filterref")) return c.attr("filter");
    throw new NotFoundException("nwfilter binding", portdev);
  }

  /** The binding as libvirt keeps it: owner, port device, MAC, filter and its parameters. */
  public NwFilterBindingSpec spec() { return NwFilterBindingSpec.fromXml(xml()); }

  /** Removes the binding: the port device is no longer filtered. */
  public void delete() { hypervisor.nwfilters().deleteBinding(portdev); }

  private String xml() { return hypervisor.nwfilters().bindingXml(portdev).orElseThrow(() -> new NotFoundException("nwfilter binding", portdev)); }

  @Override public boolean equals(Object o) { return o instanceof NwFilterBinding b && b.portdev.equals(portdev); }

  @Override public int hashCode() { return portdev.hashCode(); }

  /** {@code NwFilterBinding[vnet0 -> clean-traffic]}: asks libvirt for the filter; shows {@code ?} if that fails. */
  @Override public String toString() {
    String f;
    try {
      f = filter();
    } catch (RuntimeException e) {
      f = "?";
    }
    return "NwFilterBinding[" + portdev + " -> " + f + "]";
  }
}
