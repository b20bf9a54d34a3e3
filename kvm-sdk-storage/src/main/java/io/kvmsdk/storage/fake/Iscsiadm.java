package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.storage.fake.IscsiadmState.Node;
import io.kvmsdk.storage.fake.IscsiadmState.Remote;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.Getopt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * open-iscsi 2.1's {@code iscsiadm} for the modes the initiator plans use: {@code -m discovery -t
 * sendtargets -p PORTAL}, {@code -m node [-T IQN -p PORTAL] [-o update -n NAME -v VALUE | -o delete
 * | --login | --logout]} and {@code -m session}, against the targets a test exposes
 * ({@link IscsiadmState#expose}); the initiator name is read from {@code /etc/iscsi/initiatorname.iscsi}.
 * Exit codes are open-iscsi's: 21 no records, sessions or portals; 24 a login refused for
 * authorization; 15 a session that exists already; 4 a portal nobody answers on; 7 an invalid
 * request. Not proven against the real tool: it needs the iscsi_tcp module this machine lacks;
 * the messages follow iscsiadm(8) and open-iscsi's sources.
 */
public final class Iscsiadm implements FakeTool {
  public static final FakeToolSlot<IscsiadmState> STATE = FakeToolSlot.of("open-iscsi", IscsiadmState::new);

  private static final Getopt GETOPT = Getopt.of("iscsiadm", "m:t:p:T:o:n:v:lusSPI:r:",
      "mode:", "type:", "portal:", "targetname:", "op:", "name:", "value:", "login", "logout", "show", "print:", "interface:", "sid:");
  private static final Set<String> SETTINGS = Set.of("node.startup", "node.session.auth.authmethod", "node.session.auth.username",
      "node.session.auth.password", "node.session.auth.username_in", "node.session.auth.password_in", "node.session.timeo.replacement_timeout",
      "node.conn[0].startup", "node.session.cmds_max", "node.session.queue_depth");

  @Override public Set<String> names() { return Set.of("iscsiadm"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    Getopt.Parsed p = GETOPT.parse(command.argv().subList(1, command.argv().size()));
    if (!p.ok()) throw ctx.fail(7, p.errors().get(0));
    String mode = p.value("m").or(() -> p.value("mode")).orElse(null);
    if (mode == null) throw ctx.fail(7, "iscsiadm: You must specify the mode (-m)");
    IscsiadmState s = ctx.state(STATE);
    Optional<String> portal = p.value("p").or(() -> p.value("portal")).map(Iscsiadm::normalize);
    Optional<String> iqn = p.value("T").or(() -> p.value("targetname"));
    return switch (mode) {
      case "discovery", "discoverydb" -> discovery(s, p, portal, ctx);
      case "node" -> node(s, p, portal, iqn, ctx);
      case "session" -> session(s, ctx);
      default -> throw ctx.fail(7, "iscsiadm: Invalid mode '" + mode + "'");
    };
  }

  /** {@code 127.0.0.1} as {@code 127.0.0.1:3260}. */
  private static String normalize(String portal) { return portal.matches(".*:\\d+$") ? portal : portal + ":3260"; }

  private static String initiator(FakeToolContext ctx) {
    return ctx.readFile("/etc/iscsi/initiatorname.iscsi").flatMap(c -> c.lines().filter(l -> l.startsWith("InitiatorName=")).findFirst())
        .map(l -> l.substring("InitiatorName=".length()).strip()).orElse("");
  }

  private static boolean admits(Remote r, String initiator) { return r.anyInitiator() || r.initiators().contains(initiator); }

  private static CommandResult discovery(IscsiadmState s, Getopt.Parsed p, Optional<String> portal, FakeToolContext ctx) {
    String type = p.value("t").or(() -> p.value("type")).orElse("");
    if (!type.equals("sendtargets") && !type.equals("st")) throw ctx.fail(7, "iscsiadm: the fake discovers with -t sendtargets only");
    if (portal.isEmpty()) throw ctx.fail(7, "iscsiadm: portal must be specified in discovery mode");
    String pt = portal.get();
    List<Remote> there = s.network.get(pt);
    String host = pt.substring(0, pt.lastIndexOf(':'));
    if (there == null) {
      throw ctx.fail(4, "iscsiadm: cannot make connection to " + host + ": Connection refused\n"
          + "iscsiadm: connection login retries (reopen_max) 5 exceeded\n"
          + "iscsiadm: Could not perform SendTargets discovery: encountered connection failure");
    }
    String me = initiator(ctx);
    StringBuilder out = new StringBuilder();
    for (Remote r : there) {
      if (!admits(r, me)) continue;
      out.append(pt).append(",1 ").append(r.iqn()).append('\n');
      s.nodes.computeIfAbsent(pt + " " + r.iqn(), k -> newRecord(r.iqn(), pt));
    }
    if (out.length() == 0) throw ctx.fail(21, "iscsiadm: No portals found");
    return ctx.ok(out.toString());
  }

  private static Node newRecord(String iqn, String portal) {
    Node n = new Node();
    n.settings.put("node.name", iqn);
    n.settings.put("node.tpgt", "1");
    n.settings.put("node.startup", "manual");
    n.settings.put("node.session.auth.authmethod", "None");
    n.settings.put("node.session.auth.username", "<empty>");
    n.settings.put("node.session.auth.password", "<empty>");
    n.settings.put("node.session.auth.username_in", "<empty>");
    n.settings.put("node.session.auth.password_in", "<empty>");
    n.settings.put("node.session.timeo.replacement_timeout", "120");
    n.settings.put("node.session.cmds_max", "128");
    n.settings.put("node.session.queue_depth", "32");
    n.settings.put("node.conn[0].address", portal.substring(0, portal.lastIndexOf(':')));
    n.settings.put("node.conn[0].port", portal.substring(portal.lastIndexOf(':') + 1));
    n.settings.put("node.conn[0].startup", "manual");
    return n;
  }

  private static CommandResult node(IscsiadmState s, Getopt.Parsed p, Optional<String> portal, Optional<String> iqn, FakeToolContext ctx) {
    Map<String, Node> matching = new LinkedHashMap<>();
    s.nodes.forEach((k, n) -> {
      String[] pk = k.split(" ", 2);
      if (portal.map(pk[0]::equals).orElse(true) && iqn.map(pk[1]::equals).orElse(true)) matching.put(k, n);
    });
    boolean login = p.has("l") || p.has("login");
    boolean logout = p.has("u") || p.has("logout");
    Optional<String> op = p.value("o").or(() -> p.value("op"));
    if (logout) return logout(s, portal, iqn, ctx);
    if (matching.isEmpty()) throw ctx.fail(21, "iscsiadm: No records found");
    if (login) return login(s, matching, ctx);
    if (op.isPresent()) {
      switch (op.get()) {
        case "update" -> {
          String name = p.value("n").or(() -> p.value("name")).orElseThrow(() -> ctx.fail(7, "iscsiadm: update requires name and value"));
          String value = p.value("v").or(() -> p.value("value")).orElse("");
          if (!SETTINGS.contains(name)) throw ctx.fail(7, "iscsiadm: Cannot modify " + name + ". Invalid param name.");
          matching.values().forEach(n -> n.settings.put(name, value.isEmpty() ? "<empty>" : value));
          return ctx.ok();
        }
        case "delete" -> {
          for (String k : matching.keySet()) {
            if (s.sessions.containsValue(k)) {
              String[] pk = k.split(" ", 2);
              throw ctx.fail(7, "iscsiadm: This command will remove the record [iface: default, target: " + pk[1] + ", portal: "
                  + pk[0].replace(':', ',') + "], but a session is using it. Logout session then rerun command to remove record.");
            }
          }
          matching.keySet().forEach(s.nodes::remove);
          return ctx.ok();
        }
        case "show" -> { }
        default -> throw ctx.fail(7, "iscsiadm: the fake knows -o update, delete and show");
      }
    }
    if (portal.isEmpty() && iqn.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      matching.keySet().forEach(k -> sb.append(k.replace(" ", ",1 ")).append('\n'));
      return ctx.ok(sb.toString());
    }
    StringBuilder sb = new StringBuilder("# BEGIN RECORD 2.1.8\n");
    matching.values().iterator().next().settings.forEach((k, v) ->
        sb.append(k).append(" = ").append(k.contains("password") && !v.equals("<empty>") ? "********" : v).append('\n'));
    return ctx.ok(sb.append("# END RECORD\n").toString());
  }

  private static CommandResult login(IscsiadmState s, Map<String, Node> matching, FakeToolContext ctx) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int rc = 0;
    String me = initiator(ctx);
    for (Map.Entry<String, Node> e : matching.entrySet()) {
      String[] pk = e.getKey().split(" ", 2);
      String where = "[iface: default, target: " + pk[1] + ", portal: " + pk[0].replace(':', ',') + "]";
      if (s.sessions.containsValue(e.getKey())) {
        err.append("iscsiadm: default: 1 session requested, but 1 already present.\n");
        rc = rc == 0 ? 15 : rc;
        continue;
      }
      out.append("Logging in to ").append(where).append('\n');
      Optional<Remote> r = Optional.ofNullable(s.network.get(pk[0])).flatMap(l -> l.stream().filter(x -> x.iqn().equals(pk[1])).findFirst());
      if (r.isEmpty()) {
        err.append("iscsiadm: Could not login to ").append(where).append(".\niscsiadm: initiator reported error (8 - connection timed out)\n");
        rc = 8;
        continue;
      }
      if (!admits(r.get(), me) || !authenticates(r.get(), e.getValue())) {
        err.append("iscsiadm: Could not login to ").append(where).append(".\n")
            .append("iscsiadm: initiator reported error (24 - iSCSI login failed due to authorization failure)\n");
        rc = 24;
        continue;
      }
      s.sessions.put(s.nextSid++, e.getKey());
      out.append("Login to ").append(where).append(" successful.\n");
    }
    if (rc != 0) {
      ctx.keepChanges();
      err.append("iscsiadm: Could not log into all portals\n");
    }
    return ctx.result(rc, out.toString(), err.toString());
  }

  private static boolean authenticates(Remote r, Node n) {
    Map<String, String> st = n.settings;
    if (r.chap().isEmpty()) return true;
    if (!"CHAP".equals(st.get("node.session.auth.authmethod"))) return false;
    if (!r.chap().get().user().equals(st.get("node.session.auth.username")) || !r.chap().get().secret().equals(st.get("node.session.auth.password"))) return false;
    String userIn = st.get("node.session.auth.username_in");
    if (userIn == null || userIn.equals("<empty>")) return true;   // the initiator does not ask the target to prove itself
    return r.mutualChap().map(m -> m.user().equals(userIn) && m.secret().equals(st.get("node.session.auth.password_in"))).orElse(false);
  }

  private static CommandResult logout(IscsiadmState s, Optional<String> portal, Optional<String> iqn, FakeToolContext ctx) {
    StringBuilder out = new StringBuilder();
    List<Integer> gone = new java.util.ArrayList<>();
    s.sessions.forEach((sid, k) -> {
      String[] pk = k.split(" ", 2);
      if (portal.map(pk[0]::equals).orElse(true) && iqn.map(pk[1]::equals).orElse(true)) {
        String what = "[sid: " + sid + ", target: " + pk[1] + ", portal: " + pk[0].replace(':', ',') + "]";
        out.append("Logging out of session ").append(what).append('\n').append("Logout of ").append(what).append(" successful.\n");
        gone.add(sid);
      }
    });
    if (gone.isEmpty()) throw ctx.fail(21, "iscsiadm: No matching sessions found");
    gone.forEach(s.sessions::remove);
    return ctx.ok(out.toString());
  }

  private static CommandResult session(IscsiadmState s, FakeToolContext ctx) {
    if (s.sessions.isEmpty()) throw ctx.fail(21, "iscsiadm: No active sessions.");
    StringBuilder sb = new StringBuilder();
    s.sessions.forEach((sid, k) -> {
      String[] pk = k.split(" ", 2);
      sb.append("tcp: [").append(sid).append("] ").append(pk[0]).append(",1 ").append(pk[1]).append(" (non-flash)\n");
    });
    return ctx.ok(sb.toString());
  }
}
