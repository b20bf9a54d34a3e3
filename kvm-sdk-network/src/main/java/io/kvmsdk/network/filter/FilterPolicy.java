package io.kvmsdk.network.filter;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.domain.NicMac;
import io.kvmsdk.core.nwfilter.NwFilter;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.network.internal.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named set of libvirt network filters applied to a guest's interface through one top filter: the
 * parts are defined first, then the top filter that references them, and a {@link Nic} names the
 * top filter with its parameters ({@code IP}, {@code MAC}).
 *
 * <pre>{@code
 * FilterPolicy clean = FilterPolicy.cleanTraffic();        // kvmsdk-clean-traffic
 * clean.defineOn(kvm);                                     // its 5 filters, parts first
 * Nic nic = clean.applyTo(Nic.network("default").mac("52:54:00:00:44:01"), "192.168.122.10");
 * // <filterref filter='kvmsdk-clean-traffic'><parameter name='IP' value='192.168.122.10'/>
 * //   <parameter name='MAC' value='52:54:00:00:44:01'/></filterref>
 * }</pre>
 *
 * libvirt's own {@code clean-traffic} ships only with {@code libvirt-daemon-config-nwfilter}; this
 * policy does not depend on it.
 */
public final class FilterPolicy {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

  private final String name;
  private final List<NwFilterSpec> parts;
  private final NwFilterSpec top;

  private FilterPolicy(String name, List<NwFilterSpec> parts) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidSpecException("filterPolicy/name", "must be 1-64 letters, digits, '_', '.', ':' or '-', got '" + name + "'");
    }
    for (NwFilterSpec p : parts) {
      if (p.name().equals(name)) throw new InvalidSpecException("filterPolicy/part[" + p.name() + "]", "a part cannot have the policy's name");
    }
    this.name = name;
    this.parts = List.copyOf(parts);
    this.top = NwFilterSpec.referencing(name, parts.stream().map(NwFilterSpec::name).toArray(String[]::new)).build();
  }

  /**
   * {@code kvmsdk-clean-traffic}: no MAC spoofing, no IP spoofing, no ARP spoofing, no BPDUs from
   * the guest. Needs the guest's {@code IP} (learnt by libvirt, or passed by {@link #applyTo}).
   */
  public static FilterPolicy cleanTraffic() { return cleanTraffic(Filters.PREFIX); }

  /** The clean-traffic set with names starting {@code prefix-} instead of {@code kvmsdk-}. */
  public static FilterPolicy cleanTraffic(String prefix) {
    return new FilterPolicy(prefix + "-clean-traffic", List.of(Filters.noMacSpoofing(prefix), Filters.noIpSpoofing(prefix),
        Filters.noArpSpoofing(prefix), Filters.noBpdu(prefix)));
  }

  /** A policy {@code name} made of {@code parts} (filters you built, e.g. with core's factories). */
  public static FilterPolicy of(String name, List<NwFilterSpec> parts) { return new FilterPolicy(name, parts); }

  /** The top filter's name, which a NIC's filterref names. */
  public String name() { return name; }

  /** The filters the top filter references. */
  public List<NwFilterSpec> parts() { return parts; }

  /** The top filter: references to the parts. */
  public NwFilterSpec top() { return top; }

  /** Every filter, in the order to define them: the parts, then the top filter. */
  public List<NwFilterSpec> filters() {
    List<NwFilterSpec> all = new ArrayList<>(parts);
    all.add(top);
    return List.copyOf(all);
  }

  /**
   * Defines every filter on {@code kvm}, parts first (each {@link NwFilterSpec#validate() validated}).
   * A filter of that name already there is redefined in place, keeping its UUID (libvirt refuses a
   * filter of an existing name with another UUID), so running guests pick up the change.
   */
  public List<NwFilter> defineOn(Kvm kvm) {
    Objects.requireNonNull(kvm, "kvm");
    List<NwFilter> out = new ArrayList<>();
    for (NwFilterSpec f : filters()) {
      NwFilterSpec spec = kvm.nwfilters().find(f.name()).map(old -> f.copy(b -> b.uuid(old.uuid()))).orElse(f);
      out.add(kvm.nwfilters().define(spec));
    }
    return out;
  }

  /**
   * The filterref naming this policy with the guest's addresses: one {@code IP} parameter per
   * address (libvirt takes a list), and {@code MAC} when {@code mac} is not null.
   */
  public NicFilterRef filterref(String mac, String... ips) {
    NicFilterRef.Builder b = NicFilterRef.builder().filter(name);
    for (int i = 0; i < ips.length; i++) {
      Ipv4.parse("filterref/parameter[IP][" + (i + 1) + "]", ips[i]);
      b.addParameter(NicFilterParameter.of("IP", ips[i]));
    }
    if (mac != null) {
      if (!MAC.matcher(mac).matches() || (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
        throw new InvalidSpecException("filterref/parameter[MAC]", "must be a unicast MAC address (six hex octets, first one even), got '" + mac + "'");
      }
      b.addParameter(NicFilterParameter.of("MAC", mac));
    }
    return b.build();
  }

  /**
   * {@code nic} filtered by this policy: its filterref names the policy with {@code IP} = each of
   * {@code ips} and {@code MAC} = the NIC's address when it has one (without one, libvirt fills in
   * the MAC it generates). With no IP, libvirt learns it from the guest's first packets.
   */
  public Nic applyTo(Nic nic, String... ips) {
    String mac = nic.mac().flatMap(NicMac::address).orElse(null);
    NicFilterRef ref = filterref(mac, ips);
    return nic.copy(b -> b.filterref(ref));
  }

  @Override public String toString() { return "FilterPolicy[" + name + ": " + parts.stream().map(NwFilterSpec::name).toList() + "]"; }
}
