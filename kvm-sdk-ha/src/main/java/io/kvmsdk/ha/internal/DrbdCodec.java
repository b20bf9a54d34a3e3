package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.drbd.DrbdHost;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.drbd.DrbdStatement;
import io.kvmsdk.ha.drbd.DrbdVolume;
import io.kvmsdk.ha.internal.DrbdText.Node;
import io.kvmsdk.ha.internal.DrbdText.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps a DRBD resource to its {@code .res} text and back, one keyword per line of code. */
public final class DrbdCodec {
  private DrbdCodec() {}

  public static String render(DrbdResource r, boolean redact) {
    String at = "resource " + r.name();
    Writer w = new Writer();
    w.open("resource", DrbdText.word(r.name(), "resource"));
    w.open("net");
    w.stmt("protocol", r.protocol());
    if (r.allowTwoPrimaries()) w.stmt("allow-two-primaries", "yes");
    r.verifyAlg().ifPresent(a -> w.stmt("verify-alg", a));
    r.cramHmacAlg().ifPresent(a -> w.stmt("cram-hmac-alg", a));
    r.sharedSecret().ifPresent(s -> w.stmt("shared-secret", redact ? "\"****\"" : DrbdText.quoted(s, at + "/net/shared-secret")));
    for (Map.Entry<String, String> e : r.netOptions().entrySet()) w.stmt(e.getKey(), DrbdText.word(e.getValue(), at + "/net/" + e.getKey()));
    w.close();
    if (!r.diskOptions().isEmpty()) {
      w.open("disk");
      for (Map.Entry<String, String> e : r.diskOptions().entrySet()) w.stmt(e.getKey(), DrbdText.word(e.getValue(), at + "/disk/" + e.getKey()));
      w.close();
    }
    for (DrbdVolume v : r.volumes()) {
      w.open("volume", String.valueOf(v.number()));
      w.stmt("device", "minor", String.valueOf(v.minor()));
      v.disk().ifPresent(d -> w.stmt("disk", DrbdText.word(d, at + "/volume " + v.number() + "/disk")));
      w.stmt("meta-disk", DrbdText.word(v.metaDisk(), at + "/volume " + v.number() + "/meta-disk"));
      w.close();
    }
    for (DrbdHost h : r.hosts()) {
      w.open("on", DrbdText.word(h.name(), at + "/on"));
      w.stmt("node-id", String.valueOf(h.nodeId()));
      Inet.Cidr a = Inet.address(h.address(), at + "/on " + h.name() + "/address");
      int port = h.port().orElse(r.port());
      w.stmt("address", a.isV4() ? "ipv4" : "ipv6", a.isV4() ? a.address() + ":" + port : "[" + a.address() + "]:" + port);
      for (Map.Entry<Integer, String> d : h.disks().entrySet()) {
        w.open("volume", String.valueOf(d.getKey()));
        w.stmt("disk", DrbdText.word(d.getValue(), at + "/on " + h.name() + "/volume " + d.getKey() + "/disk"));
        w.close();
      }
      w.close();
    }
    w.open("connection-mesh");
    w.stmt("hosts", r.hosts().stream().map(h -> DrbdText.word(h.name(), at + "/connection-mesh")).toArray(String[]::new));
    w.close();
    for (DrbdStatement s : r.unmodeled()) statement(w, s, at);
    w.close();
    return w.toString();
  }

  private static void statement(Writer w, DrbdStatement s, String at) {
    String[] args = s.args().stream().map(a -> DrbdText.word(a, at + "/" + s.keyword())).toArray(String[]::new);
    if (s.section()) {
      w.open(DrbdText.word(s.keyword(), at), args);
      for (DrbdStatement c : s.block()) statement(w, c, at + "/" + s.keyword());
      w.close();
    } else {
      w.stmt(DrbdText.word(s.keyword(), at), args);
    }
  }

  // ------------------------------------------------------------------ parsing

  public static DrbdResource parse(String text) {
    List<Node> top = DrbdText.parse(text);
    List<Node> resources = top.stream().filter(n -> n.isSection() && n.keyword().equals("resource")).toList();
    if (resources.size() != 1 || top.size() != 1) throw new InvalidSpecException("drbd.res", "must hold exactly one resource section (no global or common)");
    Node res = resources.get(0);
    if (res.args().size() != 1) throw error(res, "resource takes one name");
    DrbdResource.Builder b = DrbdResource.builder().name(res.args().get(0));
    boolean seenNet = false;
    boolean seenDisk = false;
    boolean seenMesh = false;
    Integer port = null;
    for (Node n : res.block) {
      switch (n.isSection() ? n.keyword() : "") {
        case "net":
          if (seenNet) { b.addUnmodeled(kept(n)); break; }
          seenNet = true;
          for (Node o : n.block) {
            if (o.isSection()) throw error(o, "net options are statements");
            String v = single(o);
            switch (o.keyword()) {
              case "protocol": b.protocol(v); break;
              case "allow-two-primaries": b.allowTwoPrimaries(yesNo(o, v)); break;
              case "verify-alg": b.verifyAlg(v); break;
              case "cram-hmac-alg": b.cramHmacAlg(v); break;
              case "shared-secret": b.sharedSecret(v); break;
              default: b.putNetOption(o.keyword(), v);
            }
          }
          break;
        case "disk":
          if (seenDisk) { b.addUnmodeled(kept(n)); break; }
          seenDisk = true;
          for (Node o : n.block) {
            if (o.isSection()) throw error(o, "disk options are statements");
            b.putDiskOption(o.keyword(), single(o));
          }
          break;
        case "volume":
          b.addVolume(built(n, () -> volume(n)));
          break;
        case "on":
          if (n.args().size() != 1) throw error(n, "'on' takes one host name");
          DrbdHost.Builder h = DrbdHost.builder().name(n.args().get(0));
          for (Node o : n.block) {
            if (o.isSection() && o.keyword().equals("volume")) {
              if (o.args().size() != 1 || o.block.size() != 1 || !o.block.get(0).keyword().equals("disk")) throw error(o, "a node's volume section holds its disk only");
              h.putDisk(number(o, o.args().get(0)), single(o.block.get(0)));
            } else if (!o.isSection() && o.keyword().equals("node-id")) {
              h.nodeId(number(o, single(o)));
            } else if (!o.isSection() && o.keyword().equals("address")) {
              if (o.args().size() != 2 || !(o.args().get(0).equals("ipv4") || o.args().get(0).equals("ipv6"))) throw error(o, "address takes ipv4|ipv6 ADDRESS:PORT");
              String ep = o.args().get(1);
              int colon = ep.lastIndexOf(':');
              if (colon < 0) throw error(o, "address needs a port");
              String addr = ep.substring(0, colon);
              if (addr.startsWith("[") && addr.endsWith("]")) addr = addr.substring(1, addr.length() - 1);
              h.address(addr);
              int p = number(o, ep.substring(colon + 1));
              if (port == null) port = p;
              if (p != port) h.port(p);
            } else {
              throw error(o, DrbdText.shownKeyword(o.keyword()) + " in an 'on' section is not supported");
            }
          }
          b.addHost(built(n, h::build));
          break;
        case "connection-mesh":
          if (seenMesh) { b.addUnmodeled(kept(n)); break; }
          seenMesh = true;
          break; // the mesh of all hosts is what the SDK writes
        default:
          b.addUnmodeled(kept(n));
      }
    }
    if (port != null) b.port(port);
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new InvalidSpecException("drbd.res resource " + res.args().get(0), String.valueOf(e.getMessage()), e);
    }
  }

  private static DrbdVolume volume(Node n) {
    if (n.args().size() != 1) throw error(n, "volume takes one number");
    DrbdVolume.Builder v = DrbdVolume.builder().number(number(n, n.args().get(0)));
    Set<String> seen = new HashSet<>();
    for (Node o : n.block) {
      if (o.isSection() || !seen.add(o.keyword())) throw error(o, "unexpected " + DrbdText.shownKeyword(o.keyword()) + " in a volume");
      switch (o.keyword()) {
        case "device":
          if (o.args().size() != 2 || !o.args().get(0).equals("minor")) throw error(o, "write the device as 'device minor N'");
          v.minor(number(o, o.args().get(1)));
          break;
        case "disk": v.disk(single(o)); break;
        case "meta-disk": v.metaDisk(single(o)); break;
        default: throw error(o, DrbdText.shownKeyword(o.keyword()) + " in a volume is not supported");
      }
    }
    return v.build();
  }

  /** A host's or volume's value; a broken rule names the section's line as well as the field. */
  private static <T> T built(Node n, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidSpecException e) {
      if (e.field().startsWith("drbd.res")) throw e;
      throw new InvalidSpecException("drbd.res line " + n.line + " (" + e.field() + ")", e.rule(), e);
    }
  }

  /** A statement kept verbatim: refused when it holds a shared-secret or a value the writer cannot write back. */
  private static DrbdStatement kept(Node n) {
    return built(n, () -> keptStatement(n));
  }

  private static DrbdStatement keptStatement(Node n) {
    DrbdStatement.Builder b = DrbdStatement.builder().keyword(n.keyword()).args(n.args()).section(n.isSection());
    if (n.block != null) for (Node c : n.block) b.addBlock(keptStatement(c));
    return b.build();
  }

  private static String single(Node o) {
    if (o.args().size() != 1) throw error(o, DrbdText.shownKeyword(o.keyword()) + " takes one value");
    return o.args().get(0);
  }

  private static boolean yesNo(Node o, String v) {
    if (v.equals("yes")) return true;
    if (v.equals("no")) return false;
    throw error(o, DrbdText.shownKeyword(o.keyword()) + " is yes or no");
  }

  private static int number(Node o, String v) {
    if (!v.matches("[0-9]{1,7}")) throw error(o, DrbdText.shownKeyword(o.keyword()) + " needs a number of at most 7 digits");
    return Integer.parseInt(v);
  }

  private static InvalidSpecException error(Node n, String rule) { return new InvalidSpecException("drbd.res line " + n.line, rule); }
}
