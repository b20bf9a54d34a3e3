package io.kvmsdk.network.tuning;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named set of kernel parameters, applied by {@link #plan()} and kept across reboots by the file
 * {@link #sysctlConf()} at {@link #path()}.
 *
 * <pre>{@code
 * SysctlProfile p = SysctlProfile.hypervisor();                 // or SysctlProfile.builder("edge")...
 * p.plan().apply(runner);         // one check (all values at once), one `sysctl -w` when any differs
 * System.out.print(p.sysctlConf());                              // for /etc/sysctl.d/60-kvmsdk-hypervisor.conf
 * }</pre>
 *
 * The plan reads every value with one {@code sysctl -n} and compares their hash with the profile's,
 * so a converged host runs one pipeline and changes nothing. Values with several numbers are
 * written tab-separated, as the kernel prints them. The plan has no undo: the values before it
 * are not known when it is built. {@code net.bridge.*} keys exist only while {@code br_netfilter}
 * is loaded (the plan loads it first); the neighbour-table sizes exist only in the host's own
 * network namespace.
 */
public final class SysctlProfile {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_-]+){1,6}");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:/-]+([ \\t]+[A-Za-z0-9._:/-]+)*");

  private final String name;
  private final Map<String, String> settings;

  private SysctlProfile(String name, Map<String, String> settings) {
    this.name = name;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A builder for the profile {@code name} (lower-case letters, digits, '_', '-'). */
  public static Builder builder(String name) { return new Builder(name); }

  /**
   * A KVM host's defaults: IPv4 forwarding on (NAT networks, routed guests), loose reverse-path
   * filtering (2: ECMP and asymmetric routes pass), a listen backlog of 4096, bridged guest traffic
   * not sent through the host's iptables/ip6tables/arptables (bridge-nf-call-* = 0), neighbour tables
   * for thousands of guests (1024/4096/8192, IPv4 and IPv6), TCP window scaling on.
   */
  public static SysctlProfile hypervisor() {
    return builder("hypervisor").ipForward(true).rpFilter(2).somaxconn(4096).bridgeNfCall(false)
        .neighbourTable(1024, 4096, 8192).tcpWindowScaling(true).build();
  }

  public String name() { return name; }

  /** Key to value, in order. */
  public Map<String, String> settings() { return settings; }

  /** Where {@link #sysctlConf()} goes: {@code /etc/sysctl.d/60-kvmsdk-NAME.conf}. */
  public String path() { return "/etc/sysctl.d/60-kvmsdk-" + name + ".conf"; }

  /** The {@code /etc/sysctl.d} file: {@code key = value} lines, read at boot by systemd-sysctl or {@code sysctl --system}. */
  public String sysctlConf() {
    StringBuilder sb = new StringBuilder("# kvm-sdk sysctl profile '").append(name).append("'\n");
    settings.forEach((k, v) -> sb.append(k).append(" = ").append(v.replace('\t', ' ')).append('\n'));
    return sb.toString();
  }

  /** The values as {@code sysctl -n KEY...} prints them. */
  String expectedValues() {
    StringBuilder sb = new StringBuilder();
    for (String v : settings.values()) sb.append(v).append('\n');
    return sb.toString();
  }

  /**
   * Converges the host: loads {@code br_netfilter} when a {@code net.bridge.*} key needs it, then
   * one step that sets every key unless all already have their value.
   */
  public Plan plan() {
    List<Step> steps = new ArrayList<>();
    if (settings.keySet().stream().anyMatch(k -> k.startsWith("net.bridge."))) {
      steps.add(Step.builder("load br_netfilter (the net.bridge.* sysctls exist only with it)")
          .check(HostCommand.of("test", "-d", "/proc/sys/net/bridge"))
          .change(HostCommand.of("modprobe", "br_netfilter")).build());
    }
    if (!settings.isEmpty()) {
      List<String> set = new ArrayList<>(List.of("sysctl", "-w"));
      settings.forEach((k, v) -> set.add(k + "=" + v));
      List<String> read = new ArrayList<>(List.of("sysctl", "-n"));
      read.addAll(settings.keySet());
      steps.add(Step.builder("sysctl profile " + name + " (" + settings.size() + " keys)")
          .check(HostCommand.pipeline(read, List.of("sha256sum"), List.of("grep", "-qx", sha256(expectedValues()) + "  -")))
          .change(HostCommand.of(set)).build());
    }
    return Plan.of(steps);
  }

  @Override public boolean equals(Object o) { return o instanceof SysctlProfile p && p.name.equals(name) && p.settings.equals(settings); }

  @Override public int hashCode() { return name.hashCode() * 31 + settings.hashCode(); }

  /** The {@code sysctl.d} file. */
  @Override public String toString() { return sysctlConf(); }

  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) sb.append(String.format("%02x", b));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a {@link SysctlProfile}; every setter checks its value, naming the key. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new InvalidSpecException("sysctlProfile/name", "must be 1-40 lower-case letters, digits, '_' or '-', got '" + name + "'");
      }
      this.name = name;
    }

    /** Sets {@code key} (dotted, e.g. {@code net.core.somaxconn}) to {@code value} (numbers or words; several separated by blanks). */
    public Builder set(String key, String value) {
      if (key == null || !KEY.matcher(key).matches()) {
        throw new InvalidSpecException("sysctl[" + key + "]", "a key is dotted lower-case words, e.g. net.core.somaxconn");
      }
      if (value == null || !VALUE.matcher(value.strip()).matches()) {
        throw new InvalidSpecException("sysctl[" + key + "]", "a value is one or more words of letters, digits, '.', '_', ':', '/', '-', got '" + value + "'");
      }
      settings.put(key, value.strip().replaceAll("[ \\t]+", "\t"));
      return this;
    }

    private Builder set(String key, long value) { return set(key, Long.toString(value)); }

    private static void range(String key, long v, long min, long max) {
      if (v < min || v > max) throw new InvalidSpecException("sysctl[" + key + "]", "must be " + min + ".." + max + ", got " + v);
    }

    /** {@code net.ipv4.ip_forward}: route between interfaces (NAT networks, routed guests, gateways). */
    public Builder ipForward(boolean on) { return set("net.ipv4.ip_forward", on ? 1 : 0); }

    /** {@code net.ipv4.conf.{all,default}.rp_filter}: 0 off, 1 strict, 2 loose (what ECMP and asymmetric routing need). */
    public Builder rpFilter(int mode) {
      range("net.ipv4.conf.all.rp_filter", mode, 0, 2);
      set("net.ipv4.conf.all.rp_filter", mode);
      return set("net.ipv4.conf.default.rp_filter", mode);
    }

    /** {@code net.core.somaxconn}: the listen backlog's ceiling. */
    public Builder somaxconn(int backlog) {
      range("net.core.somaxconn", backlog, 1, Integer.MAX_VALUE);
      return set("net.core.somaxconn", backlog);
    }

    /** {@code net.bridge.bridge-nf-call-{arptables,ip6tables,iptables}}: whether bridged frames go through the host's firewall. */
    public Builder bridgeNfCall(boolean on) {
      for (String t : List.of("arptables", "ip6tables", "iptables")) set("net.bridge.bridge-nf-call-" + t, on ? 1 : 0);
      return this;
    }

    /**
     * {@code net.ipv{4,6}.neigh.default.gc_thresh1..3}: below {@code gc1} entries are never collected,
     * above {@code gc2} for 5 s they are, {@code gc3} is the hard limit; a host with thousands of guests
     * on a bridge needs more than the kernel's 128/512/1024.
     */
    public Builder neighbourTable(int gc1, int gc2, int gc3) {
      range("net.ipv4.neigh.default.gc_thresh1", gc1, 1, Integer.MAX_VALUE);
      if (gc2 < gc1) throw new InvalidSpecException("sysctl[net.ipv4.neigh.default.gc_thresh2]", "must be >= gc_thresh1 (" + gc1 + "), got " + gc2);
      if (gc3 < gc2) throw new InvalidSpecException("sysctl[net.ipv4.neigh.default.gc_thresh3]", "must be >= gc_thresh2 (" + gc2 + "), got " + gc3);
      for (String v : List.of("ipv4", "ipv6")) {
        set("net." + v + ".neigh.default.gc_thresh1", gc1);
        set("net." + v + ".neigh.default.gc_thresh2", gc2);
        set("net." + v + ".neigh.default.gc_thresh3", gc3);
      }
      return this;
    }

    /** {@code net.ipv4.tcp_window_scaling} (RFC 1323 windows, needed past 64 KiB in flight). */
    public Builder tcpWindowScaling(boolean on) { return set("net.ipv4.tcp_window_scaling", on ? 1 : 0); }

    public SysctlProfile build() { return new SysctlProfile(name, settings); }
  }
}
