package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A {@code vrrp_instance}: one VRRP router (VRID) on one interface of this node, with the
 * addresses it holds while master. Rules keepalived would warn about (and so fail
 * {@code keepalived -t}) are refused at build time, naming the keyword.
 */
@Value.Immutable
public abstract class VrrpInstance {
  /** {@code state}: the state an instance starts in. */
  public enum State { MASTER, BACKUP }

  public abstract String name();

  public abstract Optional<State> state();

  /** {@code interface}. */
  public abstract String iface();

  /** {@code virtual_router_id}, 1..255. */
  public abstract int virtualRouterId();

  /** {@code priority}, 1..255 (255: the address owner). */
  public abstract Optional<Integer> priority();

  /** {@code version}: VRRP 2 or 3. */
  public abstract Optional<Integer> version();

  /** {@code advert_int}: whole seconds in VRRPv2, multiples of 10 ms from 10 ms to 40.95 s in VRRPv3. */
  public abstract Optional<Duration> advertInterval();

  @Value.Default public boolean nopreempt() { return false; }

  /** {@code preempt_delay}: how long a higher-priority node waits before taking over (0..1000 s). */
  public abstract Optional<Duration> preemptDelay();

  /** {@code unicast_src_ip}. */
  public abstract Optional<String> unicastSrcIp();

  /** {@code unicast_peer}: VRRP goes unicast to these; multicast when empty. */
  public abstract List<String> unicastPeers();

  public abstract Optional<VrrpAuth> authentication();

  public abstract List<VirtualIpAddress> virtualIpAddresses();

  public abstract List<TrackedInterface> trackInterfaces();

  public abstract List<TrackedScript> trackScripts();

  public abstract List<TrackedBfd> trackBfds();

  public abstract Optional<Garp> garp();

  public abstract Optional<NotifyScript> notifyMaster();

  public abstract Optional<NotifyScript> notifyBackup();

  public abstract Optional<NotifyScript> notifyFault();

  public abstract Optional<NotifyScript> notifyStop();

  /** The generic {@code notify} script (keepalived appends type, name, state and priority). */
  public abstract Optional<NotifyScript> notifyScript();

  public abstract List<KeepalivedStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  /** The VRRP version in effect (keepalived's default is 2). */
  public int effectiveVersion() { return version().orElse(2); }

  @Value.Check protected void check() {
    Names.word("vrrp_instance", name());
    String at = "vrrp_instance " + name();
    Names.iface(at + "/interface", iface());
    if (virtualRouterId() < 1 || virtualRouterId() > 255) {
      throw new InvalidSpecException(at + "/virtual_router_id", "must be 1..255, got " + virtualRouterId());
    }
    priority().ifPresent(p -> {
      if (p < 1 || p > 255) throw new InvalidSpecException(at + "/priority", "must be 1..255 (255 only for the address owner), got " + p);
    });
    version().ifPresent(v -> {
      if (v != 2 && v != 3) throw new InvalidSpecException(at + "/version", "must be 2 or 3, got " + v);
    });
    advertInterval().ifPresent(a -> checkAdvert(at + "/advert_int", a, effectiveVersion()));
    if (authentication().isPresent() && effectiveVersion() == 3) {
      throw new InvalidSpecException(at + "/authentication", "VRRPv3 has no authentication (RFC 5798): use version 2 or drop it");
    }
    if (nopreempt() && state().orElse(State.BACKUP) == State.MASTER) {
      throw new InvalidSpecException(at + "/nopreempt", "needs state BACKUP (keepalived ignores nopreempt with initial state MASTER)");
    }
    preemptDelay().ifPresent(d -> {
      if (nopreempt()) throw new InvalidSpecException(at + "/preempt_delay", "means nothing with nopreempt");
      if (d.isNegative() || d.compareTo(Duration.ofSeconds(1000)) > 0 || d.toNanos() % 1_000_000 != 0) {
        throw new InvalidSpecException(at + "/preempt_delay", "must be 0..1000 s in whole milliseconds, got " + d);
      }
    });
    Boolean v4 = null;
    if (unicastSrcIp().isPresent()) v4 = Inet.address(unicastSrcIp().get(), at + "/unicast_src_ip").isV4();
    Set<String> peers = new HashSet<>();
    for (String p : unicastPeers()) {
      Inet.Cidr c = Inet.address(p, at + "/unicast_peer");
      if (v4 != null && c.isV4() != v4) throw new InvalidSpecException(at + "/unicast_peer", "mixes IPv4 and IPv6 with unicast_src_ip: " + p);
      if (!peers.add(p)) throw new InvalidSpecException(at + "/unicast_peer", "lists " + p + " twice");
    }
    if (virtualIpAddresses().isEmpty()) {
      throw new InvalidSpecException(at + "/virtual_ipaddress", "needs at least one address");
    }
    Boolean vipV4 = null;
    for (VirtualIpAddress a : virtualIpAddresses()) {
      boolean isV4 = Inet.cidr(a.address(), at + "/virtual_ipaddress").isV4();
      if (vipV4 != null && vipV4 != isV4) {
        throw new InvalidSpecException(at + "/virtual_ipaddress", "mixes IPv4 and IPv6 addresses (one instance carries one family)");
      }
      vipV4 = isV4;
    }
    if (Boolean.FALSE.equals(vipV4) && effectiveVersion() == 2) {
      throw new InvalidSpecException(at + "/version", "IPv6 addresses need VRRP version 3");
    }
    for (TrackedInterface t : trackInterfaces()) {
      if (t.name().equals(iface())) {
        throw new InvalidSpecException(at + "/track_interface", "names the instance's own interface " + iface() + " (keepalived ignores it: it tracks its own interface already)");
      }
    }
  }

  /** The advert rules of VRRP {@code version}. */
  public static void checkAdvert(String field, Duration a, int version) {
    if (version == 2) {
      if (a.getNano() != 0 || a.getSeconds() < 1 || a.getSeconds() > 255) {
        throw new InvalidSpecException(field, "VRRPv2 adverts are whole seconds 1..255 (use version 3 for sub-second adverts), got " + a);
      }
    } else {
      long ms = a.toMillis();
      if (a.toNanos() % 10_000_000L != 0 || ms < 10 || ms > 40_950) {
        throw new InvalidSpecException(field, "VRRPv3 adverts are multiples of 10 ms from 10 ms to 40.95 s, got " + a);
      }
    }
  }

  /** The instance's block with {@code auth_pass} shown as {@code ****}. */
  @Override public String toString() { return io.kvmsdk.ha.internal.KeepalivedCodec.render(this, true); }

  /** Builds a {@link VrrpInstance}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVrrpInstance.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "vrrp_instance", "iface", "vrrp_instance/interface", "virtualRouterId", "vrrp_instance/virtual_router_id");

    @Override public VrrpInstance build() { return REQUIRED.build(super::build); }
  }
}
