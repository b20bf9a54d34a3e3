package io.kvmsdk.network.bgp;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.network.internal.Ipv4;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A bird2 BGP speaker with ECMP: sessions to {@link #neighbors()}, the {@link #announce()} prefixes
 * exported to them (as blackhole static routes, so bird originates them), routes learnt over BGP
 * installed in the kernel with up to {@link #maxPaths()} equal next hops (bird's
 * {@code merge paths}), and BFD on the sessions that ask for it.
 *
 * <pre>{@code
 * BirdConfig hv = BirdConfig.builder().routerId("198.18.1.1").localAs(65001)
 *     .addNeighbor(BgpNeighbor.of("tor1", "198.18.1.2", 65101))
 *     .addNeighbor(BgpNeighbor.of("tor2", "198.18.2.2", 65102))
 *     .addAnnounce("203.0.113.10/32").bfd(true).build();
 * Files.writeString(Path.of("/etc/bird/bird.conf"), hv.birdConf());   // bird -p -c /etc/bird/bird.conf to check
 * }</pre>
 *
 * Every symbol bird sees is quoted and holds a '-' ({@code 'peer-tor1'}, {@code 'kvmsdk-kernel'}),
 * so no name can collide with one of bird's keywords. {@code toString()} masks passwords.
 */
@Value.Immutable
public abstract class BirdConfig {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,23}");

  /** The router id, an IPv4 address (usually the host's loopback or uplink address). */
  public abstract String routerId();

  /** The local AS number, 1..4294967295. */
  public abstract long localAs();

  public abstract List<BgpNeighbor> neighbors();

  /** Prefixes this host originates (its VIPs, its guests' networks), e.g. {@code 203.0.113.10/32}. */
  public abstract List<String> announce();

  /** Only these prefixes (or longer ones inside them) are accepted from neighbours; empty: everything. */
  public abstract List<String> accept();

  /** Install routes learnt over BGP with several equal next hops (default true). */
  @Value.Default public boolean ecmp() { return true; }

  /** At most this many next hops per route, 1..255 (default 16). */
  @Value.Default public int maxPaths() { return 16; }

  /** BFD on every session that does not say otherwise (default false). */
  @Value.Default public boolean bfd() { return false; }

  /** BFD's minimum receive and transmit intervals, ms (default 100). */
  @Value.Default public int bfdIntervalMs() { return 100; }

  /** BFD packets missed before a session is down (default 3). */
  @Value.Default public int bfdMultiplier() { return 3; }

  /** Seconds a session waits before the first connection and between retries (bird's {@code connect retry time}), default 5. */
  @Value.Default public int connectRetrySeconds() { return 5; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public BirdConfig copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  private static void as(String field, long as) {
    if (as < 1 || as > 4294967295L) throw new InvalidSpecException(field, "must be an AS number 1..4294967295, got " + as);
  }

  @Value.Check protected void check() {
    Ipv4.parse("routerId", routerId());
    as("localAs", localAs());
    if (neighbors().isEmpty()) throw new InvalidSpecException("neighbor", "a BGP speaker needs at least one neighbour");
    Set<String> names = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < neighbors().size(); i++) {
      BgpNeighbor n = neighbors().get(i);
      String at = "neighbor[" + (i + 1) + "]";
      if (!NAME.matcher(n.name()).matches()) {
        throw new InvalidSpecException(at + "/name", "must be 1-24 lower-case letters, digits, '_' or '-', got '" + n.name() + "'");
      }
      if (!names.add(n.name())) throw new InvalidSpecException(at + "/name", "'" + n.name() + "' names another neighbour already");
      Ipv4.parse(at + "/address", n.address());
      if (!addresses.add(n.address())) throw new InvalidSpecException(at + "/address", n.address() + " is another neighbour's address already");
      as(at + "/remoteAs", n.remoteAs());
      n.multihop().ifPresent(h -> {
        if (h < 1 || h > 255) throw new InvalidSpecException(at + "/multihop", "must be 1..255, got " + h);
      });
      n.sourceAddress().ifPresent(a -> Ipv4.parse(at + "/sourceAddress", a));
      n.password().ifPresent(p -> {
        // the kernel's TCP-MD5 key (TCP_MD5SIG_MAXKEYLEN) holds at most 80 bytes: bird gives it the UTF-8 bytes
        int bytes = p.getBytes(StandardCharsets.UTF_8).length;
        if (p.isEmpty() || bytes > 80 || p.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\' || c == 0x7f)) {
          throw new InvalidSpecException(at + "/password", "must be 1-80 bytes in UTF-8 (the kernel's TCP-MD5 key limit), printable, without '\"'"
              + " or '\\', got " + bytes + " bytes");
        }
      });
    }
    for (int i = 0; i < announce().size(); i++) Ipv4.prefix("announce[" + (i + 1) + "]", announce().get(i));
    for (int i = 0; i < accept().size(); i++) Ipv4.prefix("accept[" + (i + 1) + "]", accept().get(i));
    if (maxPaths() < 1 || maxPaths() > 255) throw new InvalidSpecException("maxPaths", "must be 1..255, got " + maxPaths());
    if (bfdIntervalMs() < 1 || bfdIntervalMs() > 60000) throw new InvalidSpecException("bfdIntervalMs", "must be 1..60000, got " + bfdIntervalMs());
    if (bfdMultiplier() < 1 || bfdMultiplier() > 255) throw new InvalidSpecException("bfdMultiplier", "must be 1..255, got " + bfdMultiplier());
    if (connectRetrySeconds() < 1 || connectRetrySeconds() > 65535) {
      throw new InvalidSpecException("connectRetrySeconds", "must be 1..65535, got " + connectRetrySeconds());
    }
  }

  private boolean bfdOn(BgpNeighbor n) { return n.bfd().orElse(bfd()); }

  /** The {@code bird.conf} text. */
  public String birdConf() { return render(false); }

  private String render(boolean masked) {
    List<String> l = new ArrayList<>();
    l.add("# bird.conf rendered by kvm-sdk: AS " + localAs() + ", " + neighbors().size() + " neighbours");
    l.add("router id " + routerId() + ";");
    l.add("");
    l.add("protocol device 'kvmsdk-device' {");
    l.add("}");
    l.add("");
    l.add("protocol kernel 'kvmsdk-kernel' {");
    l.add("\tipv4 {");
    l.add("\t\timport none;");
    l.add("\t\texport where source = RTS_BGP;");
    l.add("\t};");
    if (ecmp()) l.add("\tmerge paths yes limit " + maxPaths() + ";");
    l.add("}");
    if (!announce().isEmpty()) {
      l.add("");
      l.add("protocol static 'kvmsdk-announce' {");
      l.add("\tipv4;");
      for (String p : announce()) l.add("\troute " + Ipv4.prefix("announce", p).cidr() + " blackhole;");
      l.add("}");
    }
    if (neighbors().stream().anyMatch(this::bfdOn)) {
      l.add("");
      l.add("protocol bfd 'kvmsdk-bfd' {");
      l.add("\tinterface \"*\" {");
      l.add("\t\tmin rx interval " + bfdIntervalMs() + " ms;");
      l.add("\t\tmin tx interval " + bfdIntervalMs() + " ms;");
      l.add("\t\tmultiplier " + bfdMultiplier() + ";");
      l.add("\t};");
      l.add("}");
    }
    l.add("");
    l.add("filter 'kvmsdk-export' {");
    if (!announce().isEmpty()) l.add("\tif net ~ [ " + prefixSet(announce(), false) + " ] then accept;");
    l.add("\treject;");
    l.add("}");
    l.add("");
    l.add("filter 'kvmsdk-import' {");
    if (accept().isEmpty()) l.add("\taccept;");
    else {
      l.add("\tif net ~ [ " + prefixSet(accept(), true) + " ] then accept;");
      l.add("\treject;");
    }
    l.add("}");
    l.add("");
    l.add("template bgp 'kvmsdk-peer' {");
    l.add("\tlocal as " + localAs() + ";");
    l.add("\tconnect retry time " + connectRetrySeconds() + ";");
    l.add("\tconnect delay time " + Math.min(connectRetrySeconds(), 5) + ";");
    l.add("\tipv4 {");
    l.add("\t\timport filter 'kvmsdk-import';");
    l.add("\t\texport filter 'kvmsdk-export';");
    l.add("\t};");
    l.add("}");
    for (BgpNeighbor n : neighbors()) {
      l.add("");
      l.add("protocol bgp 'peer-" + n.name() + "' from 'kvmsdk-peer' {");
      l.add("\tneighbor " + n.address() + " as " + n.remoteAs() + ";");
      n.sourceAddress().ifPresent(a -> l.add("\tsource address " + a + ";"));
      n.multihop().ifPresent(h -> l.add("\tmultihop " + h + ";"));
      if (bfdOn(n)) l.add("\tbfd on;");
      n.password().ifPresent(p -> l.add("\tpassword \"" + (masked ? "****" : p) + "\";"));
      l.add("}");
    }
    return String.join("\n", l) + "\n";
  }

  private static String prefixSet(List<String> prefixes, boolean orLonger) {
    List<String> out = new ArrayList<>();
    for (String p : prefixes) out.add(Ipv4.prefix("prefix", p).cidr() + (orLonger ? "+" : ""));
    return String.join(", ", out);
  }

  /** The file with passwords masked. */
  @Override public String toString() { return render(true); }

  /** Builds a {@link BirdConfig}; {@code build()} checks every field, naming it. */
  public static class Builder extends ImmutableBirdConfig.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of();

    @Override public BirdConfig build() { return REQUIRED.build(super::build); }
  }
}
