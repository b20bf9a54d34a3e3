package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <interface>}: a network interface (network, bridge, direct, vhostuser, hostdev, ethernet, user, server/client/mcast/udp, vdpa, null, vds). */
@Value.Immutable
public abstract class Nic {
  /** {@code network}, {@code bridge}, {@code direct}, {@code vhostuser}, {@code hostdev}, {@code ethernet}, {@code user}, ... */
  public abstract Optional<String> type();

  /** For type hostdev: detach the device from the host first. */
  public abstract Optional<Boolean> managed();

  public abstract Optional<Boolean> trustGuestRxFilters();

  public abstract Optional<NicMac> mac();

  public abstract Optional<NicSource> source();

  public abstract Optional<Vlan> vlan();

  public abstract Optional<VirtualPort> virtualport();

  public abstract Optional<Bandwidth> bandwidth();

  /** {@code <port isolated='yes'/>}. */
  public abstract Optional<Boolean> portIsolated();

  /** Guest-side addresses. */
  public abstract List<NicIp> ips();

  /** Guest-side routes. */
  public abstract List<NicRoute> routes();

  /** Port forwards of a passt user interface. */
  public abstract List<NicPortForward> portForwards();

  /** {@code <script path='..'/>}. */
  public abstract Optional<String> script();

  /** {@code <downscript path='..'/>}. */
  public abstract Optional<String> downscript();

  /** {@code <backenddomain name='..'/>} (Xen driver domain). */
  public abstract Optional<String> backenddomain();

  public abstract Optional<NicTarget> target();

  public abstract Optional<NicGuest> guest();

  /** {@code <model type='..'/>}: virtio, e1000e, rtl8139, ... */
  public abstract Optional<String> model();

  public abstract Optional<NicDriver> driver();

  public abstract Optional<NicBackend> backend();

  public abstract Optional<NicFilterRef> filterref();

  public abstract Optional<NicTune> tune();

  public abstract Optional<NicTeaming> teaming();

  /** {@code <link state='up|down'/>}. */
  public abstract Optional<String> linkState();

  /** {@code <mtu size='..'/>}. */
  public abstract Optional<Integer> mtu();

  public abstract Optional<NicCoalesce> coalesce();

  public abstract Optional<NicBoot> boot();

  public abstract Optional<String> alias();

  /** {@code <acpi index='..'/>}. */
  public abstract Optional<Integer> acpiIndex();

  public abstract Optional<NicRom> rom();

  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Nic copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** {@code [0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}}, by hand (it runs for every interface; see DiskNameRulesTest). */
  static boolean isMac(String s) {
    if (s.length() != 17) return false;
    for (int i = 0; i < 17; i++) {
      char c = s.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (!ok) return false;
    }
    return true;
  }

  /** {@code [a-zA-Z0-9\\-_]+}, by hand. */
  static boolean isModel(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
    }
    return true;
  }
  private static final java.util.Set<String> DIRECT_MODES = java.util.Set.of("vepa", "bridge", "private", "passthrough");

  /** An interface on libvirt virtual network {@code network}, such as {@code default}. */
  public static Nic network(String network) {
    return builder().type("network").source(NicSource.builder().network(network).build()).build();
  }

  /** An interface on host bridge {@code bridge}, such as {@code br0}. */
  public static Nic bridge(String bridge) {
    return builder().type("bridge").source(NicSource.builder().bridge(bridge).build()).build();
  }

  /** A macvtap interface on host device {@code dev} in {@code mode} (vepa, bridge, private, passthrough). */
  public static Nic direct(String dev, String mode) {
    return builder().type("direct").source(NicSource.builder().dev(dev).mode(mode).build()).build();
  }

  /** A vhost-user interface whose unix socket at {@code path} is served by the other end (libvirt is the client). */
  public static Nic vhostUser(String path) {
    return builder().type("vhostuser").model("virtio")
        .source(NicSource.builder().type("unix").path(path).mode("client").build()).build();
  }

  /** A userspace (SLIRP) interface. */
  public static Nic user() { return builder().type("user").build(); }

  /** A userspace interface served by passt. */
  public static Nic passt() { return builder().type("user").backend(NicBackend.builder().type("passt").build()).build(); }

  /** A generic ethernet (tap) interface, optionally on the named tap device. */
  public static Nic ethernet(String tapDev) {
    Builder b = builder().type("ethernet");
    if (tapDev != null) b.target(NicTarget.builder().dev(tapDev).build());
    return b.build();
  }

  /** An SR-IOV virtual function at {@code pciAddress}, detached from the host by libvirt. */
  public static Nic hostdev(DeviceAddress pciAddress) {
    return builder().type("hostdev").managed(true).source(NicSource.builder().deviceAddress(pciAddress).build()).build();
  }

  /** A vDPA device such as {@code /dev/vhost-vdpa-0}. */
  public static Nic vdpa(String dev) {
    return builder().type("vdpa").source(NicSource.builder().dev(dev).build()).build();
  }

  /** This interface with model virtio. */
  public Nic virtio() { return model("virtio"); }

  /** This interface with the given model (virtio, e1000e, rtl8139, ...). */
  public Nic model(String model) { return copy(b -> b.model(model)); }

  /** This interface with the given MAC address. */
  public Nic mac(String address) { return copy(b -> b.mac(NicMac.of(address))); }

  /** This interface tagged with VLAN {@code id}. */
  public Nic vlan(int id) { return copy(b -> b.vlan(Vlan.of(id))); }

  /** This interface on an Open vSwitch port ({@code <virtualport type='openvswitch'/>}). */
  public Nic openvswitch() { return copy(b -> b.virtualport(VirtualPort.openvswitch())); }

  /** This interface with the given MTU. */
  public Nic mtu(int size) { return copy(b -> b.mtu(size)); }

  /** This interface with the given host-side tap device name. */
  public Nic targetDev(String dev) { return copy(b -> b.target(NicTarget.builder().dev(dev).build())); }

  /** This interface with the given boot order. */
  public Nic bootOrder(int order) { return copy(b -> b.boot(NicBoot.builder().order(order).build())); }

  /** This interface filtered by nwfilter {@code filter}. */
  public Nic filter(String filter) { return copy(b -> b.filterref(NicFilterRef.of(filter))); }

  /** This interface with {@code queues} virtio queues. */
  public Nic queues(int queues) {
    return copy(b -> b.driver(driver().map(d -> d.copy(x -> x.queues(queues))).orElseGet(() -> NicDriver.builder().queues(queues).build())));
  }

  /** This interface with inbound and outbound average rates in KiB/s. */
  public Nic bandwidth(long inboundKiBps, long outboundKiBps) {
    return copy(b -> b.bandwidth(Bandwidth.builder().inbound(BandwidthRate.average(inboundKiBps))
        .outbound(BandwidthRate.average(outboundKiBps)).build()));
  }

  private static void requireSource(Optional<NicSource> src, String type, String attr, java.util.function.Function<NicSource, Optional<?>> get) {
    if (src.flatMap(get).isEmpty()) {
      throw new InvalidSpecException("source/@" + attr, "an interface of type '" + type + "' requires <source " + attr + "='...'/>");
    }
  }

  private static void checkRate(String path, Optional<BandwidthRate> rate) {
    if (rate.isEmpty()) return;
    BandwidthRate r = rate.get();
    checkNonNegative(path + "/@average", r.average());
    checkNonNegative(path + "/@peak", r.peak());
    checkNonNegative(path + "/@floor", r.floor());
    checkNonNegative(path + "/@burst", r.burst());
    if (r.average().isEmpty() && r.floor().isEmpty()) {
      throw new InvalidSpecException(path, "needs an 'average' or a 'floor' attribute");
    }
    if ((r.peak().isPresent() || r.burst().isPresent()) && r.average().isEmpty()) {
      throw new InvalidSpecException(path + "/@average", "'peak' and 'burst' require 'average'");
    }
  }

  private static void checkNonNegative(String path, Optional<Long> v) {
    if (v.isPresent() && v.get() < 0) throw new InvalidSpecException(path, "must be >= 0, got " + v.get());
  }

  @Value.Check
  protected void check() {
    if (mac().isPresent()) {
      String a = mac().get().address().orElseThrow(() -> new InvalidSpecException("mac/@address", "is required"));
      if (!isMac(a)) {
        throw new InvalidSpecException("mac/@address", "must be six hex octets separated by ':', got '" + a + "'");
      }
      if ((Integer.parseInt(a.substring(0, 2), 16) & 1) != 0) {
        throw new InvalidSpecException("mac/@address", "must be a unicast MAC address (first octet even), got '" + a + "'");
      }
    }
    if (vlan().isPresent()) {
      Vlan v = vlan().get();
      if (v.tags().isEmpty()) throw new InvalidSpecException("vlan/tag", "a <vlan> needs at least one <tag id='..'/>");
      for (int i = 0; i < v.tags().size(); i++) {
        Optional<Integer> id = v.tags().get(i).id();
        String p = "vlan/tag[" + (i + 1) + "]/@id";
        if (id.isEmpty()) throw new InvalidSpecException(p, "is required");
        if (id.get() < 0 || id.get() > 4095) throw new InvalidSpecException(p, "must be a VLAN id 0..4095, got " + id.get());
      }
      if (v.tags().size() > 1 && v.trunk().equals(Optional.of(Boolean.FALSE))) {
        throw new InvalidSpecException("vlan/@trunk", "trunk='no' is not allowed with multiple tags");
      }
    }
    if (bandwidth().isPresent()) {
      checkRate("bandwidth/inbound", bandwidth().get().inbound());
      checkRate("bandwidth/outbound", bandwidth().get().outbound());
    }
    if (model().isPresent() && !isModel(model().get())) {
      throw new InvalidSpecException("model/@type", "must contain only letters, digits, '-' and '_', got '" + model().get() + "'");
    }
    if (acpiIndex().isPresent() && acpiIndex().get() == 0) {
      throw new InvalidSpecException("acpi/@index", "must be 1 or more, got 0");
    }
    if (boot().isPresent() && boot().get().order().map(o -> o <= 0).orElse(true)) {
      throw new InvalidSpecException("boot/@order", "must be a positive integer");
    }
    if (teaming().isPresent()) {
      NicTeaming t = teaming().get();
      String tt = t.type().orElseThrow(() -> new InvalidSpecException("teaming/@type", "is required (persistent or transient)"));
      if (tt.equals("transient") && t.persistent().isEmpty()) {
        throw new InvalidSpecException("teaming/@persistent", "is required when teaming type is 'transient'");
      }
      if (tt.equals("persistent") && t.persistent().isPresent()) {
        throw new InvalidSpecException("teaming/@persistent", "is not allowed when teaming type is 'persistent'");
      }
    }
    String t = type().orElse("user");
    Optional<NicSource> s = source();
    switch (t) {
      case "network": requireSource(s, t, "network", NicSource::network); break;
      case "bridge": requireSource(s, t, "bridge", NicSource::bridge); break;
      case "direct":
        requireSource(s, t, "dev", NicSource::dev);
        if (s.get().mode().isPresent() && !DIRECT_MODES.contains(s.get().mode().get().toLowerCase(Locale.ROOT))) {
          throw new InvalidSpecException("source/@mode", "must be vepa, bridge, private or passthrough, got '" + s.get().mode().get() + "'");
        }
        break;
      case "vdpa": requireSource(s, t, "dev", NicSource::dev); break;
      case "internal": requireSource(s, t, "name", NicSource::name); break;
      case "vhostuser":
        requireSource(s, t, "path", NicSource::path);
        requireSource(s, t, "mode", NicSource::mode);
        if (!s.get().mode().get().equals("server") && !s.get().mode().get().equals("client")) {
          throw new InvalidSpecException("source/@mode", "must be server or client, got '" + s.get().mode().get() + "'");
        }
        break;
      case "server": requireSource(s, t, "port", NicSource::port); break;
      case "client": case "mcast": case "udp":
        requireSource(s, t, "address", NicSource::address);
        requireSource(s, t, "port", NicSource::port);
        break;
      default: break;
    }
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.NIC.write(this));
  }

  /** Builds a {@link Nic}. */
  public static class Builder extends ImmutableNic.Builder {
    /** Sets {@code <mac address='..'/>}. */
    public Builder mac(String address) {
      mac(NicMac.of(address));
      return this;
    }
  }
}
