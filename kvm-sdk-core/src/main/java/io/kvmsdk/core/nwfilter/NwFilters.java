package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The network filters of one connection: define, look up, list, and their bindings. Obtained from {@code Kvm.nwfilters()}. */
public final class NwFilters {
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.nwfilters()}. */
  public NwFilters(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** Defines (or redefines, same name and UUID) a filter; guests using it pick the change up at once. */
  public NwFilter define(NwFilterSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return handle(hypervisor.nwfilters().define(spec.toXml()));
  }

  /** The filter named {@code name}, or empty. */
  public Optional<NwFilter> find(String name) { return hypervisor.nwfilters().lookup(Objects.requireNonNull(name, "name")).map(this::handle); }

  /** The filter named {@code name}; throws {@link NotFoundException} if there is none. */
  public NwFilter get(String name) { return find(name).orElseThrow(() -> new NotFoundException("nwfilter", name)); }

  /** Every filter. */
  public List<NwFilter> list() { return hypervisor.nwfilters().list().stream().map(this::handle).toList(); }

  /** The filters' bindings to guest interfaces (libvirt makes one per running interface with a {@code <filterref>}). */
  public NwFilterBindings bindings() { return new NwFilterBindings(hypervisor); }

  private NwFilter handle(ObjectRef ref) { return new NwFilter(hypervisor, ref.name(), ref.uuid()); }

  @Override public String toString() { return "NwFilters[" + hypervisor.uri() + "]"; }
}
