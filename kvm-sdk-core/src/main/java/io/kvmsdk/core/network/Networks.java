package io.kvmsdk.core.network;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The virtual networks of one connection: define, create, look up, list. Obtained from {@code Kvm.networks()}. */
public final class Networks {
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.networks()}. */
  public Networks(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** Defines (or redefines, same name and UUID) a persistent network; it stays inactive until started. */
  public Network define(NetworkSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return handle(hypervisor.networks().define(spec.toXml()));
  }

  /** Creates and starts a transient network ({@code virNetworkCreateXML}): it disappears once destroyed. */
  public Network create(NetworkSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return handle(hypervisor.networks().create(spec.toXml()));
  }

  /** The network named {@code name}, or empty. */
  public Optional<Network> find(String name) { return hypervisor.networks().lookup(Objects.requireNonNull(name, "name")).map(this::handle); }

  /** The network named {@code name}; throws {@link NotFoundException} if there is none. */
  public Network get(String name) { return find(name).orElseThrow(() -> new NotFoundException("network", name)); }

  /** Every network, active or not, persistent or transient. */
  public List<Network> list() { return hypervisor.networks().list().stream().map(this::handle).toList(); }

  private Network handle(ObjectRef ref) { return new Network(hypervisor, ref.name(), ref.uuid()); }

  @Override public String toString() { return "Networks[" + hypervisor.uri() + "]"; }
}
