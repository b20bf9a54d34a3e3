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
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chapters 1 to 3: a NAT network with a guest on it, and the host side around it: libvirt's NAT network
 * {@code guests} (192.168.150.0/24, the guest's address fixed by DHCP), a guest whose MAC comes from
 * the fleet's {@link MacPool} and whose traffic the clean-traffic {@link FilterPolicy} binds to that
 * MAC and address, a {@link NatGateway} forwarding the host's port 2222 to the guest's ssh, and the
 * hypervisor {@link SysctlProfile}.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.NatNetworkWithGuest                            # fake:///hv1 and fake host hv1
 * java -cp "$CP" io.kvmsdk.samples.NatNetworkWithGuest --uri qemu:///system         # host plan printed as a dry run
 * java -cp "$CP" io.kvmsdk.samples.NatNetworkWithGuest --uri qemu:///system --apply # and applied (root)
 * }</pre>
 *
 * The libvirt side ({@link #run}) goes through the connection; the host side ({@link #hostPlan}) is a
 * plan you print, dry-run or apply with a {@link CommandRunner} on the hypervisor. All or nothing: if a
 * step fails (a dropped connection, a refused start, a failing host step), what this run defined or
 * started is taken back, newest first.
 */
public final class NatNetworkWithGuest {
  public static final String NETWORK = "guests";
  public static final String GUEST = "web1";
  public static final String GUEST_IP = "192.168.150.10";
  /** The host's interface toward the world, and its index in the fleet's MAC pool, in the recipe. */
  public static final String UPLINK = "eth0";
  public static final int HOST_INDEX = 17;

  /** What {@link #run} made. */
  public record Result(Network network, Domain guest, String mac, NatGateway gateway, SysctlProfile tuning) {}

  private NatNetworkWithGuest() {}

  /**
   * Defines and starts the network (unless there), the filters, and the guest on {@code kvm}; the guest's
   * MAC is host {@code hostIndex}'s next free address of the fleet pool 52:54:00 + 14 + 10 bits.
   * {@code uplink} is the host interface toward the world, for the gateway. If a step fails, what
   * this call defined or started is undone and the error goes on.
   */
  public static Result run(Kvm kvm, String uplink, int hostIndex) {
    Undo undo = new Undo();
    try {
      return run(kvm, uplink, hostIndex, undo);
    } catch (RuntimeException e) {
      undo.run(e);
      throw e;
    }
  }

  static Result run(Kvm kvm, String uplink, int hostIndex, Undo undo) {
    Objects.requireNonNull(kvm, "kvm");
    MacPool pool = MacPool.builder().name("fleet").prefix("52:54:00").hostBits(14).guestBits(10).host(hostIndex)
        .avoid(HostMacs.domains(kvm)).build();
    String mac = pool.allocate();

    NetworkSpec nat = NetworkSpec.nat(NETWORK, "192.168.150.1/24", "192.168.150.100", "192.168.150.199");
    NetworkSpec spec = nat.copy(b -> b.ips(List.of(nat.ips().get(0).dhcpHost(DhcpHost.of(mac, GUEST, GUEST_IP)))));
    Network network = kvm.networks().find(NETWORK).orElse(null);
    if (network == null) {
      Network defined = kvm.networks().define(spec);
      undo.push("network " + NETWORK + " undefined", defined::undefine);
      network = defined;
    }
    if (!network.isActive()) {
      Network started = network.start();
      undo.push("network " + NETWORK + " stopped", started::destroy);
    }

    FilterPolicy clean = FilterPolicy.cleanTraffic();
    Set<String> before = kvm.nwfilters().list().stream().map(f -> f.name()).collect(Collectors.toSet());
    undo.push("its new filters undefined", () -> {
      List<NwFilterSpec> all = clean.filters();
      for (int i = all.size() - 1; i >= 0; i--) {
        String name = all.get(i).name();
        if (!before.contains(name)) kvm.nwfilters().find(name).ifPresent(f -> f.undefine());
      }
    });
    clean.defineOn(kvm);
    Nic nic = clean.applyTo(Nic.network(NETWORK).mac(mac).virtio(), GUEST_IP);
    Domain guest = kvm.domains().define(DomainSpec.builder().type("kvm").name(GUEST).osType("hvm").vcpus(1).memory(Size.mib(512))
        .addInterface(nic).build());
    undo.push("guest " + GUEST + " undefined", guest::undefine);
    guest.start();
    undo.push("guest " + GUEST + " stopped", guest::destroy);

    NatGateway gateway = NatGateway.builder().table("kvmsdk_guests").outInterface(uplink).addSource("192.168.150.0/24")
        .addPortForward(2222, GUEST_IP, 22).build();
    return new Result(network, guest, mac, gateway, SysctlProfile.hypervisor());
  }

  /** The lease the network's DHCP server gave the guest's MAC, as {@code IP/PREFIX (hostname, until TIME)}, if it gave one yet. */
  public static java.util.Optional<String> lease(Result r) {
    return r.network().dhcpLeases().stream().filter(l -> l.mac().map(r.mac()::equalsIgnoreCase).orElse(false)).findFirst()
        .map(l -> l.ipAddress() + "/" + l.prefix() + " (" + l.hostname().orElse("no hostname") + ", until " + l.expiryTime() + ")");
  }

  /** The host side: the sysctl profile, then the gateway (forwarding on, its nft table loaded). */
  public static Plan hostPlan(Result r) { return r.tuning().plan().then(r.gateway().plan()); }

  /** Applies {@link #hostPlan} with {@code runner} (a second run changes nothing). */
  public static PlanResult applyHostSide(Result r, CommandRunner runner) { return hostPlan(r).apply(runner); }

  public static void main(String[] args) { recipe().main(args, NatNetworkWithGuest::body); }

  static Recipe recipe() {
    return Recipe.named("NatNetworkWithGuest").root("sets sysctls (/etc/sysctl.d) and loads the nft table kvmsdk_guests");
  }

  static int body(Recipe r) {
    Kvm kvm = r.kvm("hv1");
    Undo undo = new Undo();
    try {
      Result res = run(kvm, UPLINK, HOST_INDEX, undo);
      r.say("== network " + NETWORK + " on " + kvm.uri());
      r.say(res.network().spec().toXml());
      r.say("== guest " + GUEST + " (MAC " + res.mac() + " from the fleet pool, host " + HOST_INDEX + ")");
      r.say(res.guest().spec().toXml());
      r.say("== NAT gateway (nft -f)");
      r.say(res.gateway().nftRuleset());
      r.say("== sysctl profile (" + res.tuning().path() + ")");
      r.say(res.tuning().sysctlConf());
      r.say("== host plan");
      r.say(hostPlan(res).toString());
      r.apply("hv1", hostPlan(res), UPLINK);
      r.say("# " + GUEST + " " + res.guest().state() + " on " + NETWORK + ", ssh to it through the host's port 2222");
      r.say("# DHCP lease read back: " + lease(res).orElse("none yet (this recipe's guest has no OS to ask for one;"
          + " a real guest's shows in virsh net-dhcp-leases " + NETWORK + ")"));
      return Recipe.DONE;
    } catch (RuntimeException e) {
      List<String> undone = undo.run(e);
      if (!undone.isEmpty()) r.say("# rolled back on " + kvm.uri() + ": " + String.join(", ", undone));
      throw e;
    }
  }
}
