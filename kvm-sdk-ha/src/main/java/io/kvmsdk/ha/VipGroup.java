package io.kvmsdk.ha;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import io.kvmsdk.ha.keepalived.BfdInstance;
import io.kvmsdk.ha.keepalived.Garp;
import io.kvmsdk.ha.keepalived.GlobalDefs;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.keepalived.KeepalivedService;
import io.kvmsdk.ha.keepalived.NotifyScript;
import io.kvmsdk.ha.keepalived.TrackedBfd;
import io.kvmsdk.ha.keepalived.TrackedInterface;
import io.kvmsdk.ha.keepalived.TrackedScript;
import io.kvmsdk.ha.keepalived.VirtualIpAddress;
import io.kvmsdk.ha.keepalived.VrrpAuth;
import io.kvmsdk.ha.keepalived.VrrpInstance;
import io.kvmsdk.ha.keepalived.VrrpScript;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A floating IP (or several) that keepalived keeps on one node of a group: one VRRP router
 * ({@link #virtualRouterId()}) whose master holds the VIPs; when it dies, the next node by
 * priority takes them over within three adverts plus a skew. Compiles to one keepalived.conf per
 * node: unicast VRRP from the node's address to every other node's, the VIPs on the node's
 * interface.
 *
 * <pre>{@code
 * VipGroup web = VipGroup.builder().name("web").virtualRouterId(51)
 *     .addVip("192.0.2.50/24")
 *     .advertInterval(Duration.ofMillis(10))              // VRRPv3: failover in ~40 ms
 *     .addNode("hv1", "eth0", "192.0.2.11/24", 200)
 *     .addNode("hv2", "eth0", "192.0.2.12/24", 100)
 *     .build();
 * String conf = web.keepalivedConf("hv1");                 // the whole file for hv1
 * Plan plan = web.plan("hv1");                             // install, check with keepalived -t, start or reload
 * }</pre>
 *
 * Rules refused at build time, naming the field: a VRID outside 1..255, a priority of 0 or 255, an
 * advert below 10 ms or not a multiple of 10 ms (VRRPv3) or not whole seconds (VRRPv2), a VIP outside
 * every node's subnet, two nodes with one name or one address, authentication with VRRPv3 or a
 * password longer than 8 characters (never printed).
 */
@Value.Immutable
public abstract class VipGroup {
  /** The group's name: keepalived's {@code vrrp_instance} name. */
  public abstract String name();

  /** {@code virtual_router_id}, 1..255: unique per network segment. */
  public abstract int virtualRouterId();

  /** The floating addresses, with their prefixes. */
  public abstract List<VirtualIpAddress> vips();

  /** How often the master advertises (default 1 s); the failover time is about three adverts. */
  @Value.Default public Duration advertInterval() { return Duration.ofSeconds(1); }

  /** The VRRP version (default 3: sub-second adverts and IPv6; 2 for authentication). */
  @Value.Default public int version() { return 3; }

  public abstract List<VrrpNode> nodes();

  /** Whether a higher-priority node takes the VIPs back when it returns (default true; false: {@code nopreempt}). */
  @Value.Default public boolean preempt() { return true; }

  /** How long a returning higher-priority node waits before taking over ({@code preempt_delay}). */
  public abstract Optional<Duration> preemptDelay();

  /** Unicast VRRP between the nodes' addresses (default true); false: multicast. */
  @Value.Default public boolean unicast() { return true; }

  /** VRRPv2 authentication; its password is never printed. */
  public abstract Optional<VrrpAuth> auth();

  /** More interfaces whose failure moves the VIPs (each node's own {@link VrrpNode#iface()} is always tracked). */
  public abstract List<TrackedInterface> trackInterfaces();

  /** Health checks (a guest's service, say): each a {@code vrrp_script} the instance tracks. */
  public abstract List<VrrpScript> trackScripts();

  /** BFD sessions to every peer, tracked by the instance. */
  public abstract Optional<BfdSettings> bfd();

  public abstract Optional<Garp> garp();

  public abstract Optional<NotifyScript> notifyMaster();

  public abstract Optional<NotifyScript> notifyBackup();

  public abstract Optional<NotifyScript> notifyFault();

  public abstract Optional<NotifyScript> notifyStop();

  /** The generic {@code notify} script. */
  public abstract Optional<NotifyScript> notifyScript();

  /** Who runs the scripts ({@code script_user}, default {@code root}); only written when there are scripts. */
  @Value.Default public String scriptUser() { return "root"; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VipGroup copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The node names, in the order they were added. */
  public List<String> nodeNames() { return nodes().stream().map(VrrpNode::name).collect(Collectors.toUnmodifiableList()); }

  /** The node {@code name}; {@link InvalidSpecException} when the group has none. */
  public VrrpNode node(String name) {
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidSpecException(at() + "/node", "has no node '" + name + "'; nodes are " + nodeNames()));
  }

  /** The VRRP instance of this group on {@code node}. */
  public VrrpInstance instance(String node) {
    VrrpNode me = node(node);
    VrrpInstance.Builder b = VrrpInstance.builder().name(name()).state(VrrpInstance.State.BACKUP).iface(me.iface())
        .virtualRouterId(virtualRouterId()).priority(me.priority()).version(version()).advertInterval(advertInterval())
        .nopreempt(!preempt());
    preemptDelay().ifPresent(b::preemptDelay);
    if (unicast()) {
      b.unicastSrcIp(me.ip());
      nodes().stream().filter(n -> n != me).forEach(n -> b.addUnicastPeer(n.ip()));
    }
    auth().ifPresent(b::authentication);
    for (VirtualIpAddress v : vips()) b.addVirtualIpAddress(v.dev().isPresent() ? v : VirtualIpAddress.builder().from(v).dev(me.iface()).build());
    b.addAllTrackInterfaces(trackInterfaces());
    trackScripts().forEach(s -> b.addTrackScript(TrackedScript.of(s.name())));
    bfd().ifPresent(f -> nodes().stream().filter(n -> n != me).forEach(n ->
        b.addTrackBfd(TrackedBfd.builder().name(bfdName(n)).weight(f.weight()).build())));
    garp().ifPresent(b::garp);
    notifyMaster().ifPresent(b::notifyMaster);
    notifyBackup().ifPresent(b::notifyBackup);
    notifyFault().ifPresent(b::notifyFault);
    notifyStop().ifPresent(b::notifyStop);
    notifyScript().ifPresent(b::notifyScript);
    return b.build();
  }

  /** The whole keepalived.conf of {@code node}, as types. */
  public KeepalivedConf keepalivedConfig(String node) {
    KeepalivedConf.Builder b = KeepalivedConf.builder();
    parts(node, b);
    return b.build();
  }

  /** The whole keepalived.conf of {@code node} (secrets included: this is what goes on the host). */
  public String keepalivedConf(String node) { return keepalivedConfig(node).render(); }

  /**
   * The plan that puts {@code node}'s keepalived.conf in place and makes keepalived run it, with
   * {@link KeepalivedService#defaults()} (no systemd needed; see there).
   */
  public Plan plan(String node) { return KeepalivedService.defaults().plan(keepalivedConfig(node)); }

  /** Adds {@code node}'s global_defs, scripts, BFD sessions and instance to {@code b} (a sync group merges several). */
  void parts(String node, KeepalivedConf.Builder b) {
    VrrpNode me = node(node);
    boolean scripts = hasScripts();
    GlobalDefs.Builder g = GlobalDefs.builder().routerId(me.name());
    if (scripts) g.scriptUser(scriptUser()).enableScriptSecurity(true);
    b.globalDefs(g.build());
    b.addAllScripts(trackScripts());
    bfd().ifPresent(f -> nodes().stream().filter(n -> n != me).forEach(n ->
        b.addBfdInstance(BfdInstance.builder().name(bfdName(n)).neighborIp(n.ip()).sourceIp(me.ip())
            .minRx(f.minRx()).minTx(f.minTx()).multiplier(f.multiplier()).build())));
    b.addInstance(instance(node));
  }

  boolean hasScripts() {
    return !trackScripts().isEmpty() || notifyMaster().isPresent() || notifyBackup().isPresent() || notifyFault().isPresent()
        || notifyStop().isPresent() || notifyScript().isPresent();
  }

  private String bfdName(VrrpNode peer) { return name() + "_bfd_" + peer.name(); }

  private String at() { return "vip_group " + name(); }

  @Value.Check protected void check() {
    Names.word("vip_group", name());
    if (name().length() > 32) throw new InvalidSpecException("vip_group", "a name of at most 32 characters, got '" + name() + "'");
    String at = at();
    if (virtualRouterId() < 1 || virtualRouterId() > 255) {
      throw new InvalidSpecException(at + "/virtual_router_id", "must be 1..255, got " + virtualRouterId());
    }
    if (version() != 2 && version() != 3) throw new InvalidSpecException(at + "/version", "must be 2 or 3, got " + version());
    VrrpInstance.checkAdvert(at + "/advert_int", advertInterval(), version());
    if (vips().isEmpty()) throw new InvalidSpecException(at + "/vip", "needs at least one VIP");
    if (nodes().isEmpty()) throw new InvalidSpecException(at + "/node", "needs at least one node");
    Set<String> names = new HashSet<>();
    for (VrrpNode n : nodes()) {
      if (!names.add(n.name())) throw new InvalidSpecException(at + "/node " + n.name(), "two nodes are named '" + n.name() + "'");
    }
    List<Inet.Cidr> addrs = nodes().stream().map(n -> Inet.cidr(n.address(), at + "/node " + n.name() + "/address")).toList();
    for (int i = 0; i < addrs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (addrs.get(i).sameAddress(addrs.get(j))) {
          throw new InvalidSpecException(at + "/node " + nodes().get(i).name() + "/address",
              "is " + nodes().get(j).name() + "'s address already: " + addrs.get(i).address());
        }
      }
      if (addrs.get(i).isV4() != addrs.get(0).isV4()) {
        throw new InvalidSpecException(at + "/node " + nodes().get(i).name() + "/address", "mixes IPv4 and IPv6 node addresses");
      }
    }
    Set<String> seenVips = new HashSet<>();
    for (VirtualIpAddress v : vips()) {
      Inet.Cidr vip = Inet.cidr(v.address(), at + "/vip");
      if (!seenVips.add(vip.address())) throw new InvalidSpecException(at + "/vip " + v.address(), "is listed twice");
      if (vip.isV4() != addrs.get(0).isV4()) throw new InvalidSpecException(at + "/vip " + v.address(), "is not of the nodes' address family");
      if (!vip.isV4() && version() == 2) throw new InvalidSpecException(at + "/version", "IPv6 VIPs need VRRP version 3");
      boolean inSomeSubnet = false;
      for (Inet.Cidr a : addrs) {
        int prefix = a.hasPrefix() ? a.prefix() : vip.prefix();
        if (a.sameSubnet(vip, prefix)) inSomeSubnet = true;
        if (a.sameAddress(vip)) throw new InvalidSpecException(at + "/vip " + v.address(), "is a node's own address");
      }
      if (!inSomeSubnet) {
        throw new InvalidSpecException(at + "/vip " + v.address(), "is outside every node's subnet ("
            + nodes().stream().map(VrrpNode::address).collect(Collectors.joining(", ")) + ")");
      }
    }
    if (auth().isPresent() && version() == 3) {
      throw new InvalidSpecException(at + "/authentication", "VRRPv3 has no authentication (RFC 5798): use version 2 or drop it");
    }
    if (!preempt() && preemptDelay().isPresent()) {
      throw new InvalidSpecException(at + "/preempt_delay", "means nothing without preemption");
    }
    for (TrackedInterface t : trackInterfaces()) {
      for (VrrpNode n : nodes()) {
        if (t.name().equals(n.iface())) {
          throw new InvalidSpecException(at + "/track_interface", n.iface() + " is node " + n.name() + "'s VIP interface, which is tracked already");
        }
      }
    }
    Set<String> scripts = new HashSet<>();
    for (VrrpScript s : trackScripts()) {
      if (!scripts.add(s.name())) throw new InvalidSpecException(at + "/track_script " + s.name(), "is listed twice");
    }
    if (bfd().isPresent() && nodes().size() < 2) throw new InvalidSpecException(at + "/bfd", "needs at least two nodes (BFD runs between peers)");
    if (bfd().isPresent()) {
      for (VrrpNode n : nodes()) {
        String bfd = bfdName(n);
        if (bfd.length() > BfdInstance.MAX_NAME) {
          throw new InvalidSpecException(at + "/node " + n.name(), "with bfd, the group and node names make the bfd_instance name " + bfd + ": at most "
              + BfdInstance.MAX_NAME + " characters (keepalived: BFD name too long), got " + bfd.length() + " (shorten the group or node name)");
        }
      }
    }
    Names.word(at + "/script_user", scriptUser());
  }

  /** The group in one line, then each node's keepalived.conf with secrets masked. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder("VipGroup ").append(name()).append(": VRID ").append(virtualRouterId())
        .append(", VRRPv").append(version()).append(", advert ").append(advertInterval().toMillis()).append(" ms, VIPs ")
        .append(vips().stream().map(VirtualIpAddress::address).collect(Collectors.joining(", "))).append(", nodes ")
        .append(nodes().stream().map(VrrpNode::toString).collect(Collectors.joining(", ")));
    for (VrrpNode n : nodes()) sb.append("\n# keepalived.conf of ").append(n.name()).append('\n').append(keepalivedConfig(n.name()).renderRedacted());
    return sb.toString();
  }

  /** Builds a {@link VipGroup}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVipGroup.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "name", "virtualRouterId", "virtual_router_id");

    @Override public VipGroup build() { return REQUIRED.build(super::build); }

    /** Adds a VIP, {@code ADDRESS/PREFIX} (e.g. {@code 192.0.2.50/24}), held on each node's interface. */
    public Builder addVip(String cidr) {
      addVip(VirtualIpAddress.of(cidr));
      return this;
    }

    /** Adds a node: its name, the interface that carries the VIPs, its address there ({@code ADDRESS/PREFIX}), its priority (1..254). */
    public Builder addNode(String node, String iface, String address, int priority) {
      addNode(VrrpNode.of(node, iface, address, priority));
      return this;
    }

    /** {@code nopreempt}: a returning higher-priority node leaves the VIPs where they are. */
    public Builder nopreempt() {
      preempt(false);
      return this;
    }
  }
}
