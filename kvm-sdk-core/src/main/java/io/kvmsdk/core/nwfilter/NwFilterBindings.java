package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bindings of filters to interfaces of one connection, named by port device ({@code vnet0}):
 * libvirt creates one when a guest with a {@code <filterref>} on an interface starts and deletes it
 * when the guest stops; {@link #create} binds a filter to a port device an application manages itself.
 * Obtained from {@code kvm.nwfilters().bindings()}.
 */
public final class NwFilterBindings {
  private final Hypervisor hypervisor;

  NwFilterBindings(Hypervisor hypervisor) { this.hypervisor = hypervisor; }

  /** Binds the filter {@code spec} names to its port device ({@code virNWFilterBindingCreateXML}). */
  public NwFilterBinding create(NwFilterBindingSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return new NwFilterBinding(hypervisor, hypervisor.nwfilters().createBinding(spec.toXml()));
  }

  /** The binding on port device {@code portdev}, or empty. */
  public Optional<NwFilterBinding> find(String portdev) {
    Objects.requireNonNull(portdev, "portdev");
    return hypervisor.nwfilters().bindingXml(portdev).map(x -> new NwFilterBinding(hypervisor, portdev));
  }

  /** The binding on port device {@code portdev}; throws {@link NotFoundException} if there is none. */
  public NwFilterBinding get(String portdev) { return find(portdev).orElseThrow(() -> new NotFoundException("nwfilter binding", portdev)); }

  /** Every binding. */
  public List<NwFilterBinding> list() { return hypervisor.nwfilters().listBindings().stream().map(p -> new NwFilterBinding(hypervisor, p)).toList(); }

  @Override public String toString() { return "NwFilterBindings[" + hypervisor.uri() + "]"; }
}
