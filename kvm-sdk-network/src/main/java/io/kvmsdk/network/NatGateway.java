package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.Ipv4;
import io.kvmsdk.network.nft.NftChain;
import io.kvmsdk.network.nft.NftTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A NAT gateway: guests (or any hosts) on the {@link #sources()} prefixes reach the world through
 * {@link #outInterface()} with the gateway's address (masquerade, or SNAT to {@link #snatAddress()}),
 * optionally only for packets carrying {@link #fwmark()}; {@link #portForwards()} bring connections
 * from outside to inner servers (DNAT and the matching forward accept), and with {@link #hairpin()}
 * inner clients reach those servers through the public address too.
 *
 * <pre>{@code
 * NatGateway gw = NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24")
 *     .addPortForward(8080, "10.10.0.5", 80).build();
 * System.out.println(gw.nftRuleset());   // an `nft -f` file of its own table, replaced atomically
 * gw.plan().apply(runner);               // IPv4 forwarding on, the table loaded; again: nothing changes
 * gw.removalPlan().apply(runner);        // the table goes (forwarding stays on)
 * }</pre>
 *
 * Everything lives in one nftables table ({@link #table()}, family {@code ip}), so the gateway
 * never touches other rules and goes away as a whole. Its {@code forward} chain accepts the
 * sources' outgoing traffic, replies, and the port forwards; with {@link #dropUnsolicited()} (the
 * default) it drops every other new connection coming in on {@code outInterface}. Rules match
 * interfaces by name ({@code oifname}), so the table loads before the interface exists.
 * For hosts still on iptables, {@link #iptablesRestore()} renders the same rules.
 */
@Value.Immutable
public abstract class NatGateway {
  private static final Pattern TABLE = Pattern.compile("(?=.*_)[a-z][a-z0-9_]{0,19}");

  /** The nftables table (family {@code ip}) holding the gateway; default {@code kvmsdk_nat}. */
  @Value.Default public String table() { return "kvmsdk_nat"; }

  /** The interface toward the world. */
  public abstract String outInterface();

  /** The inner IPv4 prefixes whose traffic is translated; they may not overlap. */
  public abstract List<String> sources();

  /** SNAT to this address instead of masquerading (a fixed public address: cheaper, survives no address change). */
  public abstract Optional<String> snatAddress();

  /** Translate only packets carrying this firewall mark ({@code meta mark}), e.g. set by policy routing. */
  public abstract Optional<Long> fwmark();

  public abstract List<PortForward> portForwards();

  /** Inner clients reach the port forwards through the gateway's public address too (default true). */
  @Value.Default public boolean hairpin() { return true; }

  /** Drop new connections coming in on {@link #outInterface()} other than the port forwards (default true). */
  @Value.Default public boolean dropUnsolicited() { return true; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NatGateway copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    if (!TABLE.matcher(table()).matches()) {
      throw new InvalidSpecException("table", "must be a lower-case letter then up to 19 lower-case letters, digits or '_', with at least one '_' (so it is no nft keyword), got '" + table() + "'");
    }
    IfaceNames.check("outInterface", outInterface());
    if (sources().isEmpty()) throw new InvalidSpecException("source", "a NAT gateway needs at least one source prefix");
    List<Ipv4.Prefix> seen = new ArrayList<>();
    for (int i = 0; i < sources().size(); i++) {
      Ipv4.Prefix p = Ipv4.prefix("source[" + (i + 1) + "]", sources().get(i));
      for (int j = 0; j < seen.size(); j++) {
        if (seen.get(j).overlaps(p)) {
          throw new InvalidSpecException("source[" + (i + 1) + "]", "'" + sources().get(i) + "' overlaps source[" + (j + 1) + "] '"
              + sources().get(j) + "': each address must belong to one source");
        }
      }
      seen.add(p);
    }
    snatAddress().ifPresent(a -> Ipv4.parse("snatAddress", a));
    fwmark().ifPresent(m -> {
      if (m < 1 || m > 0xffffffffL) throw new InvalidSpecException("fwmark", "must be 1..0xffffffff, got " + m);
    });
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < portForwards().size(); i++) {
      PortForward f = portForwards().get(i);
      String at = "portForward[" + (i + 1) + "]";
      if (!f.protocol().equals("tcp") && !f.protocol().equals("udp")) {
        throw new InvalidSpecException(at + "/protocol", "must be tcp or udp, got '" + f.protocol() + "'");
      }
      port(at + "/publicPort", f.publicPort());
      port(at + "/toPort", f.toPort());
      Ipv4.parse(at + "/toAddress", f.toAddress());
      String key = f.protocol() + "/" + f.publicPort();
      int dup = keys.indexOf(key);
      if (dup >= 0) {
        throw new InvalidSpecException(at + "/publicPort", f.protocol() + " port " + f.publicPort() + " is forwarded already by portForward[" + (dup + 1) + "]");
      }
      keys.add(key);
    }
  }

  private static void port(String field, int p) {
    if (p < 1 || p > 65535) throw new InvalidSpecException(field, "must be a port 1..65535, got " + p);
  }

  private static String q(String s) { return "\"" + s + "\""; }

  private static String src(String cidr) { return Ipv4.prefix("source", cidr).text(); }

  /** The gateway's table, as {@link #nftRuleset()} writes it and {@link #plan()} loads it. */
  @Value.Lazy public NftTable nftTable() {
    String out = q(outInterface());
    NftChain.Builder pre = NftChain.of("prerouting", "nat", "prerouting", "dstnat");
    NftChain.Builder post = NftChain.of("postrouting", "nat", "postrouting", "srcnat");
    NftChain.Builder fwd = NftChain.of("forward", "filter", "forward", "filter");
    for (PortForward f : portForwards()) {
      String match = hairpin() ? "fib daddr type local" : "iifname " + out;
      pre.addRule(match + " " + f.protocol() + " dport " + f.publicPort() + " dnat to " + f.toAddress() + ":" + f.toPort());
    }
    String mark = fwmark().map(m -> String.format(Locale.ROOT, "meta mark 0x%08x ", m)).orElse("");
    String translate = snatAddress().map(a -> "snat to " + a).orElse("masquerade");
    for (String s : sources()) post.addRule(mark + "ip saddr " + src(s) + " oifname " + out + " " + translate);
    if (hairpin()) {
      for (PortForward f : portForwards()) {
        for (String s : sources()) {
          post.addRule("ip saddr " + src(s) + " ip daddr " + f.toAddress() + " " + f.protocol() + " dport " + f.toPort() + " ct status dnat masquerade");
        }
      }
    }
    fwd.addRule("ct state established,related accept");
    for (PortForward f : portForwards()) {
      fwd.addRule("ip daddr " + f.toAddress() + " " + f.protocol() + " dport " + f.toPort() + " ct status dnat accept");
    }
    for (String s : sources()) fwd.addRule("ip saddr " + src(s) + " oifname " + out + " accept");
    if (dropUnsolicited()) fwd.addRule("iifname " + out + " drop");
    return NftTable.builder().family("ip").name(table())
        .comment("kvm-sdk NAT gateway " + table() + ": " + String.join(", ", sources()) + " out of " + outInterface())
        .addChain(pre.build()).addChain(post.build()).addChain(fwd.build()).build();
  }

  /**
   * A complete {@code nft -f} file: the gateway's own table, replaced in one transaction
   * ({@code table T; delete table T; table T {...}}), nothing else touched.
   */
  public String nftRuleset() { return nftTable().ruleset(); }

  /**
   * The same rules as {@code iptables-restore} input (nft or legacy backend), in chains of their own
   * ({@code <TABLE>_PRE}, {@code _POST}, {@code _FWD}) jumped to from the built-in ones. Loaded
   * without {@code --noflush} it replaces the nat and filter tables (the form of a host's whole
   * rules file, {@code /etc/iptables/rules.v4}); with {@code --noflush} each load appends the jumps again.
   */
  @Value.Lazy public String iptablesRestore() {
    String c = table().toUpperCase(Locale.ROOT);
    String preC = c + "_PRE";
    String postC = c + "_POST";
    String fwdC = c + "_FWD";
    String out = outInterface();
    StringBuilder sb = new StringBuilder("# kvm-sdk NAT gateway ").append(table()).append(" for iptables-restore\n");
    sb.append("*nat\n:").append(preC).append(" - [0:0]\n:").append(postC).append(" - [0:0]\n");
    sb.append("-A PREROUTING -j ").append(preC).append('\n');
    sb.append("-A POSTROUTING -j ").append(postC).append('\n');
    for (PortForward f : portForwards()) {
      String match = hairpin() ? "-m addrtype --dst-type LOCAL" : "-i " + out;
      sb.append("-A ").append(preC).append(' ').append(match).append(" -p ").append(f.protocol()).append(" -m ").append(f.protocol())
          .append(" --dport ").append(f.publicPort()).append(" -j DNAT --to-destination ").append(f.toAddress()).append(':').append(f.toPort()).append('\n');
    }
    String mark = fwmark().map(m -> String.format(Locale.ROOT, " -m mark --mark 0x%x", m)).orElse("");
    String translate = snatAddress().map(a -> "-j SNAT --to-source " + a).orElse("-j MASQUERADE");
    for (String s : sources()) {
      sb.append("-A ").append(postC).append(" -s ").append(Ipv4.prefix("source", s).cidr()).append(" -o ").append(out).append(mark)
          .append(' ').append(translate).append('\n');
    }
    if (hairpin()) {
      for (PortForward f : portForwards()) {
        for (String s : sources()) {
          sb.append("-A ").append(postC).append(" -s ").append(Ipv4.prefix("source", s).cidr()).append(" -d ").append(f.toAddress()).append("/32")
              .append(" -p ").append(f.protocol()).append(" -m ").append(f.protocol()).append(" --dport ").append(f.toPort())
              .append(" -m conntrack --ctstate DNAT -j MASQUERADE\n");
        }
      }
    }
    sb.append("COMMIT\n*filter\n:").append(fwdC).append(" - [0:0]\n");
    sb.append("-A FORWARD -j ").append(fwdC).append('\n');
    sb.append("-A ").append(fwdC).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
    for (PortForward f : portForwards()) {
      sb.append("-A ").append(fwdC).append(" -d ").append(f.toAddress()).append("/32 -p ").append(f.protocol()).append(" -m ").append(f.protocol())
          .append(" --dport ").append(f.toPort()).append(" -m conntrack --ctstate DNAT -j ACCEPT\n");
    }
    for (String s : sources()) {
      sb.append("-A ").append(fwdC).append(" -s ").append(Ipv4.prefix("source", s).cidr()).append(" -o ").append(out).append(" -j ACCEPT\n");
    }
    if (dropUnsolicited()) sb.append("-A ").append(fwdC).append(" -i ").append(out).append(" -j DROP\n");
    return sb.append("COMMIT\n").toString();
  }

  /** The step that turns IPv4 forwarding on (a gateway that does not forward is no gateway). */
  public static Step ipForwardingStep() {
    return Step.builder("enable IPv4 forwarding (net.ipv4.ip_forward = 1)")
        .check(HostCommand.of("grep", "-qx", "1", "/proc/sys/net/ipv4/ip_forward"))
        .change(HostCommand.of("sysctl", "-w", "net.ipv4.ip_forward=1"))
        .undo(HostCommand.of("sysctl", "-w", "net.ipv4.ip_forward=0"))
        .build();
  }

  /**
   * Converges the host: IPv4 forwarding on, then the gateway's table loaded in one transaction unless
   * the live table is already exactly {@link #nftRuleset()}'s. Re-applying changes nothing and
   * reads the host in two processes. A rollback deletes the table (a table of that name that was
   * there before, with other rules, is not brought back).
   */
  public Plan plan() { return Plan.of(ipForwardingStep(), nftTable().loadStep()); }

  /** Deletes the gateway's table (a no-op when it is absent). IPv4 forwarding stays as it is: other things may route. */
  public Plan removalPlan() { return nftTable().removalPlan(); }

  @Override public String toString() { return "NatGateway " + table() + ":\n" + nftRuleset(); }

  /** Builds a {@link NatGateway}; {@code build()} checks every field, naming it. */
  public static class Builder extends ImmutableNatGateway.Builder {
    /** Forwards TCP {@code publicPort} to {@code toAddress:toPort}. */
    public final Builder addPortForward(int publicPort, String toAddress, int toPort) {
      addPortForward(PortForward.tcp(publicPort, toAddress, toPort));
      return this;
    }

    private static final RequiredFields REQUIRED = RequiredFields.of();

    @Override public NatGateway build() { return REQUIRED.build(super::build); }
  }
}
