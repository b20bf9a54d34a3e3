package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.network.DhcpHost;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.network.HostMacs;
import io.kvmsdk.network.MacPool;
import io.kvmsdk.network.NatGateway;
import io.kvmsdk.network.filter.FilterPolicy;
import io.kvmsdk.network.tuning.SysctlProfile;
import java.util.List;
import java.util.Objects;

/**
 * A NAT network with a guest on it, and the host side around it: libvirt's NAT network
 * {@code guests} (192.168.150.0/24, the guest's address fixed by DHCP), a guest whose MAC comes from
 * the fleet's {@link MacPool} and whose traffic the clean-traffic {@link FilterPolicy} binds to that
 * MAC and address, a {@link NatGateway} forwarding the host's port 2222 to the guest's ssh, and the
 * hypervisor {@link SysctlProfile}.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.NatNetworkWithGuest                  # on fake:///natdemo, prints everything
 * java -cp "$CP" io.kvmsdk.samples.NatNetworkWithGuest qemu:///system eth0 17
 * }</pre>
 *
 * The libvirt side ({@link #run}) goes through the connection; the host side ({@link #hostPlan}) is a
 * plan you print, dry-run or apply with a {@link CommandRunner} on the hypervisor.
 */
public final class NatNetworkWithGuest {
  public static final String NETWORK = "guests";
  public static final String GUEST = "web1";
  public static final String GUEST_IP = "192.168.150.10";

  /** What {@link #run} made. */
  public record Result(Network network, Domain guest, String mac, NatGateway gateway, SysctlProfile tuning) {}

  private NatNetworkWithGuest() {}

  /**
   * Defines and starts the network (unless there), the filters, and the guest on {@code kvm}; the guest's
   * MAC is host {@code hostIndex}'s next free address of the fleet pool 52:54:00 + 14 + 10 bits.
   * {@code uplink} is the host interface toward the world, for the gateway.
   */
  public static Result run(Kvm kvm, String uplink, int hostIndex) {
    Objects.requireNonNull(kvm, "kvm");
    MacPool pool = MacPool.builder().name("fleet").prefix("52:54:00").hostBits(14).guestBits(10).host(hostIndex)
        .avoid(HostMacs.domains(kvm)).build();
    String mac = pool.allocate();

    NetworkSpec nat = NetworkSpec.nat(NETWORK, "192.168.150.1/24", "192.168.150.100", "192.168.150.199");
    NetworkSpec spec = nat.copy(b -> b.ips(List.of(nat.ips().get(0).dhcpHost(DhcpHost.of(mac, GUEST, GUEST_IP)))));
    Network network = kvm.networks().find(NETWORK).orElseGet(() -> kvm.networks().define(spec));
    if (!network.isActive()) network.start();

    FilterPolicy clean = FilterPolicy.cleanTraffic();
    clean.defineOn(kvm);
    Nic nic = clean.applyTo(Nic.network(NETWORK).mac(mac).virtio(), GUEST_IP);
    Domain guest = kvm.domains().define(DomainSpec.builder().type("kvm").name(GUEST).osType("hvm").vcpus(1).memory(Size.mib(512))
        .addInterface(nic).build()).start();

    NatGateway gateway = NatGateway.builder().table("kvmsdk_guests").outInterface(uplink).addSource("192.168.150.0/24")
        .addPortForward(2222, GUEST_IP, 22).build();
    return new Result(network, guest, mac, gateway, SysctlProfile.hypervisor());
  }

  /** The host side: the sysctl profile, then the gateway (forwarding on, its nft table loaded). */
  public static Plan hostPlan(Result r) { return r.tuning().plan().then(r.gateway().plan()); }

  /** Applies {@link #hostPlan} with {@code runner} (a second run changes nothing). */
  public static PlanResult applyHostSide(Result r, CommandRunner runner) { return hostPlan(r).apply(runner); }

  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "fake:///natdemo";
    String uplink = args.length > 1 ? args[1] : "eth0";
    int host = args.length > 2 ? Integer.parseInt(args[2]) : 17;
    try (Kvm kvm = Kvm.connect(uri)) {
      Result r = run(kvm, uplink, host);
      System.out.println("== network " + NETWORK + " on " + kvm.uri());
      System.out.println(r.network().spec().toXml());
      System.out.println("== guest " + GUEST + " (MAC " + r.mac() + " from the fleet pool, host " + host + ")");
      System.out.println(r.guest().spec().toXml());
      System.out.println("== NAT gateway (nft -f)");
      System.out.println(r.gateway().nftRuleset());
      System.out.println("== sysctl profile (" + r.tuning().path() + ")");
      System.out.println(r.tuning().sysctlConf());
      System.out.println("== host plan");
      System.out.println(hostPlan(r));
    }
  }
}
