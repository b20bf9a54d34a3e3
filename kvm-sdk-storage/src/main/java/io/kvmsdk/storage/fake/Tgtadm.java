package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.storage.fake.TgtdState.Daemon;
import io.kvmsdk.storage.fake.TgtdState.Lun;
import io.kvmsdk.storage.fake.TgtdState.Target;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.Getopt;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * tgt 1.0.85's {@code tgtadm} against the fake host's tgt daemons ({@link TgtdState}, one per
 * control port; none runs until a test starts one: {@code host.withState(Tgtadm.TGTD, s -> s.start(0))}).
 * Modes target, logicalunit, account, portal and system; ops new, delete, show, bind, unbind and
 * update, with tgtadm's checks in its order and its messages: 22 for every daemon-side error
 * ("this target already exists", "can't find the target", ...), 1 for an unknown mode or op, 107
 * when no tgtd listens on the control port. A LUN's size is its backing file's length in bytes.
 * Proven line by line against the real tgtadm and tgtd ({@code TgtadmContractTest}).
 */
public final class Tgtadm implements FakeTool {
  /** The tgt daemons of a host. */
  public static final FakeToolSlot<TgtdState> TGTD = FakeToolSlot.of("tgtd", TgtdState::new);

  /** The backing stores tgt 1.0.85 on Debian 12 offers (no rbd: that comes with the tgt-rbd package). */
  public static final Set<String> BACKING_STORES = Set.of("sheepdog", "bsg", "sg", "null", "ssc", "smc", "mmc", "rdwr", "aio");

  private static final Getopt GETOPT = Getopt.of("tgtadm", "dhVL:o:m:t:s:c:l:n:v:b:E:S:f:y:T:I:Q:u:p:H:FP:B:Y:OC:",
      "debug", "help", "version", "lld:", "op:", "mode:", "tid:", "sid:", "cid:", "lun:", "name:", "value:", "backing-store:",
      "bstype:", "bsopts:", "bsoflags:", "blocksize:", "targetname:", "initiator-address:", "initiator-name:", "user:",
      "password:", "host:", "force", "params:", "bus:", "device-type:", "outgoing", "control-port:");
  private static final Map<String, String> SHORT = shortNames();
  private static final Pattern PORTAL = Pattern.compile("(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?");
  private static final Set<String> LU_PARAMS = Set.of("readonly", "scsi_sn", "scsi_id", "vendor_id", "product_id", "product_rev",
      "removable", "online", "sense_format", "mode_page", "thin_provisioning", "swp");
  private static final String TRY = "Try `tgtadm --help' for more information.";

  private enum Err {
    NO_DRIVER("can't find the driver"), NO_TARGET("can't find the target"), NO_LUN("can't find the logical unit"),
    TARGET_EXIST("this target already exists"), LUN_EXIST("this logical unit number already exists"),
    ACL_EXIST("this access control rule already exists"), ACL_NOEXIST("this access control rule does not exist"),
    USER_EXIST("this account already exists"), NO_USER("can't find the account"), INVALID("invalid request"),
    OUTACCOUNT_EXIST("this target already has an outgoing account");

    final String text;

    Err(String text) { this.text = text; }
  }

  @Override public Set<String> names() { return Set.of("tgtadm"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    Getopt.Parsed p = GETOPT.parse(command.argv().subList(1, command.argv().size()));
    Map<String, String> o = new LinkedHashMap<>();
    java.util.List<String> given = new java.util.ArrayList<>();
    String mode = null;
    String op = null;
    int tid = -1;
    long lun = -1;
    int port = 0;
    for (Getopt.Option opt : p.options()) {
      String c = SHORT.getOrDefault(opt.name(), opt.name());
      given.add(c);
      String v = opt.value().orElse("");
      switch (c) {
        case "o" -> { if (!Set.of("new", "delete", "bind", "unbind", "show", "update").contains(v)) throw ctx.fail(1, "tgtadm: unknown operation: " + v); op = v; }
        case "m" -> mode = mode(v, ctx);
        case "t" -> tid = (int) number(c, v, Integer.MAX_VALUE, ctx);
        case "l" -> lun = number(c, v, Long.MAX_VALUE, ctx);
        case "C" -> port = (int) number(c, v, Short.MAX_VALUE, ctx);   // tgtadm keeps it in a short
        case "h" -> { return ctx.ok("Usage: tgtadm [OPTION]\n"); }
        default -> o.put(c, v);
      }
    }
    if (!p.ok()) throw ctx.fail(22, p.errors().get(0) + "\n" + TRY);
    if (!p.operands().isEmpty()) throw ctx.fail(22, "tgtadm: unrecognized option '" + p.operands().get(0) + "'\n" + TRY);
    if (op == null) throw ctx.fail(22, "tgtadm: specify the operation type");
    if (mode == null) throw ctx.fail(22, "tgtadm: specify the mode");
    checkArguments(mode, op, tid, lun, o, given, ctx);
    Optional<Daemon> d = ctx.state(TGTD).daemon(port);
    if (d.isEmpty()) throw ctx.fail(107, "tgtadm: failed to send request hdr to tgt daemon, Transport endpoint is not connected");
    if (o.containsKey("L") && !o.get("L").equals("iscsi")) throw daemon(Err.NO_DRIVER, ctx);
    return switch (mode) {
      case "target" -> target(d.get(), op, tid, o, ctx);
      case "logicalunit" -> logicalUnit(d.get(), op, tid, lun, o, ctx);
      case "account" -> account(d.get(), op, tid, o, ctx);
      case "portal" -> portal(d.get(), op, o, ctx);
      default -> ctx.ok(SYSTEM);
    };
  }

  private static String mode(String v, FakeToolContext ctx) {
    return switch (v) {
      case "system", "sys" -> "system";
      case "target", "tgt" -> "target";
      case "logicalunit", "lu" -> "logicalunit";
      case "portal", "pt" -> "portal";
      case "account" -> "account";
      case "session", "sess", "connection", "conn", "stats" -> throw ctx.fail(22, "tgtadm: the fake knows modes target, logicalunit, account, portal and system, not " + v);
      default -> throw ctx.fail(1, "tgtadm: unknown mode: " + v);
    };
  }

  private static long number(String c, String v, long max, FakeToolContext ctx) {
    try {
      long n = Long.parseLong(v);
      if (n < 0 || n > max) throw ctx.fail(22, "-" + c + " argument value '" + v + "' out of range\n" + TRY);
      return n;
    } catch (NumberFormatException e) {
      throw ctx.fail(22, "-" + c + " argument value '" + v + "' invalid\n" + TRY);
    }
  }

  /** tgtadm's own checks, in its order, before it asks tgtd. */
  private static void checkArguments(String mode, String op, int tid, long lun, Map<String, String> o, List<String> given, FakeToolContext ctx) {
    switch (mode) {
      case "target" -> {
        if (!op.equals("show")) {
          if (tid < 0) throw ctx.fail(22, "tgtadm: 'tid' option is necessary");
          if (tid == 0) throw ctx.fail(22, "tgtadm: 'tid' cannot be 0");
        }
        String allowed = switch (op) {
          case "new" -> "LmotTC";
          case "delete" -> "LmotCF";
          case "show" -> "LmotC";
          case "bind", "unbind" -> "LmotIQBHC";
          default -> "LmotnvC";
        };
        allowedOnly("target mode", allowed, given, ctx);
        if (op.equals("new") && !o.containsKey("T")) throw ctx.fail(22, "tgtadm: creating new target requires a name, use --targetname");
        if ((op.equals("bind") || op.equals("unbind")) && !o.containsKey("I") && !o.containsKey("Q") && !o.containsKey("B") && !o.containsKey("H")) {
          throw ctx.fail(22, "tgtadm: " + op + " operation requires initiator-address, initiator-nameor bus");
        }
        if (op.equals("update") && (!o.containsKey("n") || !o.containsKey("v"))) throw ctx.fail(22, "tgtadm: update operation requires 'name' and 'value' options");
      }
      case "logicalunit" -> {
        if (tid < 0) throw ctx.fail(22, "tgtadm: 'tid' option is necessary");
        if (tid == 0) throw ctx.fail(22, "tgtadm: 'tid' cannot be 0");
        if (lun < 0) throw ctx.fail(22, "tgtadm: 'lun' option is necessary");
        switch (op) {
          case "new" -> allowedOnly("logicalunit mode", "LmofytlbEYCS", given, ctx);
          case "delete" -> allowedOnly("logicalunit mode", "LmotlC", given, ctx);
          case "update" -> allowedOnly("logicalunit mode", "LmofytlPC", given, ctx);
          default -> throw ctx.fail(22, "tgtadm: operation " + op + " not supported in logicalunit mode");
        }
      }
      case "account" -> {
        String allowed = switch (op) {
          case "new" -> "LmoupC";
          case "show" -> "LmoC";
          case "delete" -> "LmouC";
          case "bind", "unbind" -> "LmotuOC";
          default -> throw ctx.fail(22, "tgtadm: operation " + op + " not supported in account mode");
        };
        allowedOnly("account mode", allowed, given, ctx);
        if (op.equals("new") && (!o.containsKey("u") || !o.containsKey("p"))) throw ctx.fail(22, "tgtadm: 'user' and 'password' options are required");
        if (!op.equals("new") && !op.equals("show") && !o.containsKey("u")) throw ctx.fail(22, "tgtadm: 'user' option is necessary");
      }
      case "portal" -> {
        switch (op) {
          case "new", "delete" -> {
            allowedOnly("portal mode", "LmoCP", given, ctx);
            if (!o.containsKey("P")) throw ctx.fail(22, "tgtadm: you must specify --param portal=<portal>");
          }
          case "show" -> allowedOnly("portal mode", "LmoC", given, ctx);
          default -> throw ctx.fail(22, "tgtadm: operation " + op + " not supported in portal mode");
        }
      }
      default -> {
        if (!op.equals("show")) throw ctx.fail(22, "tgtadm: the fake shows the system only");
      }
    }
  }

  private static void allowedOnly(String what, String allowed, List<String> given, FakeToolContext ctx) {
    for (String c : given) {
      if (!allowed.contains(c) && !c.equals("d")) throw ctx.fail(22, "tgtadm: " + what + ": option '-" + c + "' is not allowed/supported");
    }
  }

  private static RuntimeException daemon(Err e, FakeToolContext ctx) { return ctx.fail(22, "tgtadm: " + e.text); }

  // ------------------------------------------------------------------ target mode

  private static CommandResult target(Daemon d, String op, int tid, Map<String, String> o, FakeToolContext ctx) {
    Target t = d.targets.get(tid);
    switch (op) {
      case "new" -> {
        String name = o.get("T");
        if (t != null || d.targets.values().stream().anyMatch(x -> x.name.equals(name))) throw daemon(Err.TARGET_EXIST, ctx);
        Target n = new Target(name);
        Lun controller = new Lun("controller", null, "null", "", 0);
        controller.scsiId = scsiId(tid, 0);
        controller.scsiSn = "beaf" + tid + "0";
        n.luns.put(0L, controller);
        d.targets.put(tid, n);
        return ctx.ok();
      }
      case "delete" -> {
        if (t == null) throw daemon(Err.NO_TARGET, ctx);
        d.targets.remove(tid);
        return ctx.ok();
      }
      case "show" -> {
        if (tid < 0) return ctx.ok(showAll(d));
        if (t == null) throw daemon(Err.NO_TARGET, ctx);
        StringBuilder sb = new StringBuilder();
        t.params.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return ctx.ok(sb.toString());
      }
      case "bind", "unbind" -> {
        if (t == null) throw daemon(Err.NO_TARGET, ctx);
        String who = o.containsKey("I") ? o.get("I") : o.get("Q");
        if (op.equals("bind")) {
          if (t.acl.contains(who)) throw daemon(Err.ACL_EXIST, ctx);
          t.acl.add(who);
        } else if (!t.acl.remove(who)) {
          throw daemon(Err.ACL_NOEXIST, ctx);
        }
        return ctx.ok();
      }
      default -> {
        if (t == null) throw daemon(Err.NO_TARGET, ctx);
        String name = o.get("n");
        String value = o.get("v");
        if (!validParam(name, value)) throw daemon(Err.INVALID, ctx);
        t.params.put(name, value);
        return ctx.ok();
      }
    }
  }

  private static boolean validParam(String name, String value) {
    if (!TgtdState.DEFAULT_PARAMS.containsKey(name)) return false;
    String dflt = TgtdState.DEFAULT_PARAMS.get(name);
    long[] range = switch (name) {
      case "MaxConnections", "MaxOutstandingR2T" -> new long[] {1, 65535};
      case "MaxQueueCmd" -> new long[] {1, 512};
      case "ErrorRecoveryLevel" -> new long[] {0, 2};
      case "DefaultTime2Wait", "DefaultTime2Retain" -> new long[] {0, 3600};
      case "MaxRecvDataSegmentLength", "FirstBurstLength", "MaxBurstLength", "MaxXmitDataSegmentLength" -> new long[] {512, 16777215};
      default -> null;
    };
    if (range != null) {
      try {
        long v = Long.parseLong(value);
        return v >= range[0] && v <= range[1];
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (dflt.equals("Yes") || dflt.equals("No")) return value.equals("Yes") || value.equals("No");
    if (name.endsWith("Digest")) return value.matches("(None|CRC32C)(,(None|CRC32C))?");
    return false;
  }

  private static String scsiId(int tid, long lun) { return String.format("IET     %04x%04x", tid, lun); }

  /** tgt's print_disksize: megabytes as tgt 1.0.85 rounds them. */
  static long megabytes(long size) {
    long blocks = size / 512;
    return (blocks - ((blocks / 625) - 974)) / 1950;
  }

  static String showAll(Daemon d) {
    StringBuilder sb = new StringBuilder();
    d.targets.forEach((tid, t) -> {
      sb.append("Target ").append(tid).append(": ").append(t.name).append('\n');
      sb.append("    System information:\n        Driver: iscsi\n        State: ready\n");
      sb.append("    I_T nexus information:\n");
      sb.append("    LUN information:\n");
      t.luns.forEach((n, l) -> {
        boolean controller = l.type.equals("controller");
        boolean media = controller || l.path != null;
        sb.append("        LUN: ").append(n).append('\n');
        sb.append("            Type: ").append(l.type).append('\n');
        sb.append("            SCSI ID: ").append(l.scsiId).append('\n');
        sb.append("            SCSI SN: ").append(l.scsiSn).append('\n');
        sb.append("            Size: ").append(megabytes(l.size)).append(" MB, Block size: ").append(controller ? 1 : 512).append('\n');
        sb.append("            Online: ").append(media ? "Yes" : "No").append('\n');
        sb.append("            Removable media: ").append(media ? "No" : "Yes").append('\n');
        sb.append("            Prevent removal: No\n");
        sb.append("            Readonly: ").append(l.readOnly ? "Yes" : "No").append('\n');
        sb.append("            SWP: No\n");
        sb.append("            Thin-provisioning: No\n");
        sb.append("            Backing store type: ").append(l.bsType).append('\n');
        sb.append("            Backing store path: ").append(l.path == null ? "None" : l.path).append('\n');
        sb.append("            Backing store flags: ").append(l.bsFlags).append('\n');
      });
      sb.append("    Account information:\n");
      for (String u : t.incoming) sb.append("        ").append(u).append('\n');
      if (t.outgoing != null) sb.append("        ").append(t.outgoing).append(" (outgoing)\n");
      sb.append("    ACL information:\n");
      for (String a : t.acl) sb.append("        ").append(a).append('\n');
    });
    return sb.toString();
  }

  // ------------------------------------------------------------------ logicalunit mode

  private static CommandResult logicalUnit(Daemon d, String op, int tid, long lun, Map<String, String> o, FakeToolContext ctx) {
    Target t = d.targets.get(tid);
    if (t == null) throw daemon(Err.NO_TARGET, ctx);
    Lun l = t.luns.get(lun);
    switch (op) {
      case "new" -> {
        if (l != null) throw daemon(Err.LUN_EXIST, ctx);
        String bsType = o.getOrDefault("E", "rdwr");
        boolean rbd = bsType.equals("rbd") && d.backingStores().contains("rbd");
        if (!d.backingStores().contains(bsType)) throw daemon(Err.INVALID, ctx);
        String flags = o.getOrDefault("f", "");
        if (!flags.isEmpty() && !Set.of("sync", "direct", "sync:direct", "direct:sync").contains(flags)) throw daemon(Err.INVALID, ctx);
        String path = o.get("b");
        long size = 0;
        if (path != null && !rbd) {
          if (!ctx.exists(path) || ctx.isDirectory(path)) throw daemon(Err.INVALID, ctx);
          size = ctx.readFile(path).map(c -> (long) c.getBytes(StandardCharsets.UTF_8).length).orElse(0L);
        }
        Lun n = new Lun("disk", path, bsType, flags.equals("direct:sync") ? "sync:direct" : flags, size);
        n.scsiId = scsiId(tid, lun);
        n.scsiSn = "beaf" + tid + lun;
        t.luns.put(lun, n);
        return ctx.ok();
      }
      case "delete" -> {
        if (lun == 0) throw daemon(Err.INVALID, ctx);
        if (l == null) throw daemon(Err.NO_LUN, ctx);
        t.luns.remove(lun);
        return ctx.ok();
      }
      default -> {
        if (l == null) throw daemon(Err.NO_LUN, ctx);
        for (String kv : o.getOrDefault("P", "").split(",")) {
          if (kv.isEmpty()) continue;
          int eq = kv.indexOf('=');
          String k = eq < 0 ? kv : kv.substring(0, eq);
          String v = eq < 0 ? "" : kv.substring(eq + 1);
          if (!LU_PARAMS.contains(k)) throw daemon(Err.INVALID, ctx);
          switch (k) {
            case "readonly" -> l.readOnly = !v.equals("0");
            case "scsi_sn" -> l.scsiSn = v;
            case "scsi_id" -> l.scsiId = v;
            default -> { }
          }
        }
        return ctx.ok();
      }
    }
  }

  // ------------------------------------------------------------------ account mode

  private static CommandResult account(Daemon d, String op, int tid, Map<String, String> o, FakeToolContext ctx) {
    String user = o.get("u");
    switch (op) {
      case "new" -> {
        if (d.accounts.containsKey(user)) throw daemon(Err.USER_EXIST, ctx);
        LinkedHashMap<String, String> newer = new LinkedHashMap<>();
        newer.put(user, o.get("p"));
        newer.putAll(d.accounts);
        d.accounts.clear();
        d.accounts.putAll(newer);
        return ctx.ok();
      }
      case "show" -> {
        if (d.accounts.isEmpty()) return ctx.ok();
        StringBuilder sb = new StringBuilder("Account list:\n");
        d.accounts.keySet().forEach(u -> sb.append("    ").append(u).append('\n'));
        return ctx.ok(sb.toString());
      }
      case "delete" -> {
        if (!d.accounts.containsKey(user)) throw daemon(Err.NO_USER, ctx);
        d.accounts.remove(user);
        for (Target t : d.targets.values()) {
          t.incoming.remove(user);
          if (user.equals(t.outgoing)) t.outgoing = null;
        }
        return ctx.ok();
      }
      default -> {
        Target t = d.targets.get(tid);
        if (t == null) throw daemon(Err.NO_TARGET, ctx);
        if (!d.accounts.containsKey(user)) throw daemon(Err.NO_USER, ctx);
        boolean out = o.containsKey("O");
        if (op.equals("bind")) {
          if (out) {
            if (t.outgoing != null) throw daemon(Err.OUTACCOUNT_EXIST, ctx);
            t.outgoing = user;
          } else {
            if (t.incoming.contains(user)) throw daemon(Err.USER_EXIST, ctx);
            t.incoming.add(user);
          }
        } else if (out) {
          if (t.outgoing == null) throw daemon(Err.NO_USER, ctx);
          t.outgoing = null;
        } else if (!t.incoming.remove(user)) {
          throw daemon(Err.NO_USER, ctx);
        }
        return ctx.ok();
      }
    }
  }

  // ------------------------------------------------------------------ portal mode

  private static CommandResult portal(Daemon d, String op, Map<String, String> o, FakeToolContext ctx) {
    if (op.equals("show")) {
      StringBuilder sb = new StringBuilder();
      d.portals.forEach(p -> sb.append("Portal: ").append(p).append(",1\n"));
      return ctx.ok(sb.toString());
    }
    String param = o.get("P");
    String portal = param.startsWith("portal=") ? param.substring("portal=".length()) : "";
    if (!PORTAL.matcher(portal).matches() || !portal.matches("(\\[.*\\]|[0-9.]+)(:\\d+)?")) throw daemon(Err.INVALID, ctx);
    if (!portal.matches(".*:\\d+")) portal += ":3260";   // tgtd listens on iSCSI's port when none is given
    if (op.equals("new")) {
      if (d.portals.contains(portal)) throw daemon(Err.INVALID, ctx);
      d.portals.add(0, portal);
    } else if (!d.portals.remove(portal)) {
      throw daemon(Err.INVALID, ctx);
    }
    return ctx.ok();
  }

  private static final String SYSTEM = "System:\n    State: ready\n    debug: off\nLLDs:\n    iscsi: ready\n    iser: error\n";

  private static Map<String, String> shortNames() {
    Map<String, String> m = new LinkedHashMap<>();
    String[][] kv = {{"debug", "d"}, {"help", "h"}, {"version", "V"}, {"lld", "L"}, {"op", "o"}, {"mode", "m"}, {"tid", "t"},
        {"sid", "s"}, {"cid", "c"}, {"lun", "l"}, {"name", "n"}, {"value", "v"}, {"backing-store", "b"}, {"bstype", "E"},
        {"bsopts", "S"}, {"bsoflags", "f"}, {"blocksize", "y"}, {"targetname", "T"}, {"initiator-address", "I"},
        {"initiator-name", "Q"}, {"user", "u"}, {"password", "p"}, {"host", "H"}, {"force", "F"}, {"params", "P"},
        {"bus", "B"}, {"device-type", "Y"}, {"outgoing", "O"}, {"control-port", "C"}};
    for (String[] e : kv) m.put(e[0], e[1]);
    return m;
  }
}
