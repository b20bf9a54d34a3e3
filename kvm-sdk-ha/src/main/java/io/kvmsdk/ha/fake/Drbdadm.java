package io.kvmsdk.ha.fake;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.ha.drbd.DrbdHost;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.drbd.DrbdVolume;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * drbd-utils 9.22's {@code drbdadm} for the commands the SDK's plans use, acting for the host whose
 * name is the fake host's (as drbdadm acts for {@code uname -n}). The configuration is {@code -c FILE}
 * or {@code /etc/drbd.d/RES.res}, read with the SDK's parser. {@code dump}, {@code get-gi},
 * {@code dump-md}, {@code create-md [--force]}, {@code up}, {@code adjust}, {@code down},
 * {@code primary [--force]}, {@code secondary}, {@code role}, {@code sh-nop}; {@code -d up} and
 * {@code -d adjust} print the {@code drbdsetup}/{@code drbdmeta} commands the real one prints
 * (proven line by line against it). Backing disks are files of the fake host (a test writes
 * {@code /dev/vg0/vm1}); the kernel module is simulated: {@code up} needs metadata, {@code primary}
 * needs data someone decided is good ({@code --force} once). Errors use drbdadm's words and exit codes.
 */
public final class Drbdadm implements FakeTool {
  private static final Set<String> PEER_DEVICE_OPTIONS = Set.of("resync-rate", "c-plan-ahead", "c-delay-target", "c-fill-target",
      "c-max-rate", "c-min-rate", "bitmap");

  @Override public Set<String> names() { return Set.of("drbdadm"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = new ArrayList<>(command.argv().subList(1, command.argv().size()));
    String file = null;
    boolean dry = false;
    boolean force = false;
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String o = a.get(i);
      if (o.equals("-c") && i + 1 < a.size()) file = a.get(++i);
      else if (o.startsWith("--config-file=")) file = o.substring("--config-file=".length());
      else if (o.equals("-d") || o.equals("--dry-run")) dry = true;
      else if (o.equals("--force")) force = true;
      else if (o.equals("--")) continue;
      else if (o.startsWith("-")) throw ctx.fail(20, "drbdadm: unrecognized option '" + o + "'");
      else ops.add(o);
    }
    if (ops.isEmpty()) throw ctx.fail(20, "USAGE: drbdadm COMMAND [OPTION...] {all|RESOURCE...}");
    String cmd = ops.get(0);
    if (cmd.equals("sh-nop")) return ctx.ok();
    if (!Set.of("dump", "get-gi", "dump-md", "create-md", "up", "adjust", "down", "primary", "secondary", "role").contains(cmd)) {
      throw ctx.fail(1, "drbdadm: Unknown command '" + cmd + "'");
    }
    if (ops.size() != 2) throw ctx.fail(1, "drbdadm " + cmd + ": give one resource (RES or RES/VOLUME)");
    String target = ops.get(1);
    String resName = target.contains("/") ? target.substring(0, target.indexOf('/')) : target;
    DrbdResource r = load(resName, file, ctx);
    DrbdHost me = r.hosts().stream().filter(h -> h.name().equals(ctx.host())).findFirst()
        .orElseThrow(() -> ctx.fail(1, "'" + resName + "' not defined in your config (for this host)."));
    List<DrbdVolume> vols = r.volumes();
    if (target.contains("/")) {
      String v = target.substring(target.indexOf('/') + 1);
      vols = r.volumes().stream().filter(x -> String.valueOf(x.number()).equals(v)).toList();
      if (vols.isEmpty()) throw ctx.fail(1, "Resource '" + resName + "' has no volume " + v);
    }
    DrbdState state = ctx.state(DrbdState.SLOT);
    String config = file != null ? ctx.readFile(file).orElse("") : ctx.readFile(defaultFile(resName)).orElse("");
    switch (cmd) {
      case "dump": return ctx.ok(r.resFile());
      case "get-gi": return meta(r, me, vols, state, ctx, "get-gi", "0000000000000004:0000000000000000:0000000000000000:0000000000000000:0:0:0:0:1:0:0:0:0:0:0:0\n");
      case "dump-md": return meta(r, me, vols, state, ctx, "dump-md", "# DRBD meta data dump\n");
      case "create-md": return createMd(r, me, vols, state, force, ctx);
      case "up":
      case "adjust":
        if (dry) {
          if (cmd.equals("up")) return ctx.ok(dryUp(r, me, false));
          boolean same = state.up(resName).map(u -> u.config().equals(config)).orElse(false);
          return ctx.ok(same ? "" : dryUp(r, me, true)); // a changed running resource: the fake prints the full set
        }
        return up(r, me, state, config, cmd.equals("up"), ctx);
      case "down":
        state.down(resName);
        return ctx.ok();
      case "primary": {
        DrbdState.Up u = state.up(resName).orElseThrow(() -> ctx.fail(10, resName + ": No such resource"));
        if (!u.dataDecided() && !force) {
          throw ctx.fail(11, resName + ": State change failed: (-2) Need access to UpToDate data\nCommand 'drbdsetup primary " + resName + "' terminated with exit code 11");
        }
        state.setUp(resName, new DrbdState.Up(u.config(), "Primary", true));
        return ctx.ok();
      }
      case "secondary": {
        DrbdState.Up u = state.up(resName).orElseThrow(() -> ctx.fail(10, resName + ": No such resource"));
        state.setUp(resName, new DrbdState.Up(u.config(), "Secondary", u.dataDecided()));
        return ctx.ok();
      }
      default: { // role
        DrbdState.Up u = state.up(resName).orElseThrow(() -> ctx.fail(10, resName + ": No such resource"));
        return ctx.ok(u.role() + "\n");
      }
    }
  }

  private static String defaultFile(String res) { return "/etc/drbd.d/" + res + ".res"; }

  private static DrbdResource load(String res, String file, FakeToolContext ctx) {
    String path = file != null ? file : defaultFile(res);
    Optional<String> text = ctx.readFile(path);
    if (text.isEmpty()) {
      if (file != null) throw ctx.fail(20, "Can not open '" + file + "'.\n.");
      throw ctx.fail(1, "'" + res + "' not defined in your config (for this host).");
    }
    DrbdResource r;
    try {
      r = DrbdResource.parse(text.get());
    } catch (InvalidSpecException e) {
      String where = e.field().startsWith("drbd.res line ") ? e.field().substring("drbd.res line ".length()) : "1";
      throw ctx.fail(10, path + ":" + where + ": Parse error: " + e.rule());
    }
    if (!r.name().equals(res)) throw ctx.fail(1, "'" + res + "' not defined in your config (for this host).");
    return r;
  }

  private static CommandResult meta(DrbdResource r, DrbdHost me, List<DrbdVolume> vols, DrbdState state, FakeToolContext ctx, String what, String ok) {
    StringBuilder out = new StringBuilder();
    for (DrbdVolume v : vols) {
      String disk = r.diskOf(me, v);
      if (disk.equals("none")) continue;
      // drbdadm asks drbdmeta for the generation identifiers as seen from the first peer
      String call = what.equals("get-gi") ? "--node-id=" + r.hosts().stream().filter(h -> h != me).findFirst().orElseThrow().nodeId() + " get-gi" : what;
      if (!ctx.exists(disk)) throw ctx.fail(20, noDisk(v, disk, call));
      if (state.up(r.name()).isEmpty() && !state.hasMetadata(disk)) {
        return ctx.result(1, "", what.equals("dump-md") ? "No valid meta data found\n" : "");
      }
      out.append(ok);
    }
    return ctx.ok(out.toString());
  }

  private static String noDisk(DrbdVolume v, String disk, String what) {
    return "open(" + disk + ") failed: No such file or directory\nCommand 'drbdmeta " + v.minor() + " v09 " + disk + " " + v.metaDisk() + " " + what
        + "' terminated with exit code 20";
  }

  private static CommandResult createMd(DrbdResource r, DrbdHost me, List<DrbdVolume> vols, DrbdState state, boolean force, FakeToolContext ctx) {
    StringBuilder out = new StringBuilder();
    for (DrbdVolume v : vols) {
      String disk = r.diskOf(me, v);
      if (disk.equals("none")) continue;
      if (!ctx.exists(disk)) throw ctx.fail(20, noDisk(v, disk, "create-md " + (r.hosts().size() - 1)));
      if (state.up(r.name()).isPresent()) throw ctx.fail(20, "Device '" + v.minor() + "' is configured!\nCommand 'drbdmeta " + v.minor() + " v09 " + disk + " " + v.metaDisk() + " create-md " + (r.hosts().size() - 1) + "' terminated with exit code 20");
      if (state.hasMetadata(disk)) {
        out.append("You want me to create a v09 style flexible-size internal meta data block.\nThere appears to be a v09 flexible-size internal meta data block\nalready in place on ")
            .append(disk).append("\n\nDo you really want to overwrite the existing meta-data?\n");
        if (!force) return ctx.result(1, out.toString(), "stdin not a TTY, not waiting for confirmation\nOperation cancelled.\n");
        out.append("*** confirmation forced via --force option ***\n");
      }
      state.addMetadata(disk);
      out.append("initializing activity log\ninitializing bitmap (4 KB) to all zero\nWriting meta data...\nNew drbd meta data block successfully created.\n");
    }
    return ctx.ok(out.toString());
  }

  private static CommandResult up(DrbdResource r, DrbdHost me, DrbdState state, String config, boolean strictUp, FakeToolContext ctx) {
    Optional<DrbdState.Up> now = state.up(r.name());
    if (now.isPresent()) {
      if (strictUp) throw ctx.fail(10, r.name() + ": Failure: (161) Resource already exists\nCommand 'drbdsetup new-resource " + r.name() + " " + me.nodeId() + "' terminated with exit code 10");
      state.setUp(r.name(), new DrbdState.Up(config, now.get().role(), now.get().dataDecided()));
      return ctx.ok();
    }
    for (DrbdVolume v : r.volumes()) {
      String disk = r.diskOf(me, v);
      if (disk.equals("none")) continue;
      if (!ctx.exists(disk) || !state.hasMetadata(disk)) {
        throw ctx.fail(10, v.minor() + ": Failure: (119) No valid meta-data signature found.\n\n\t==> Use 'drbdadm create-md res' to initialize meta-data area. <==\n\n"
            + "Command 'drbdsetup attach " + v.minor() + " " + disk + " " + disk + " " + v.metaDisk() + "' terminated with exit code 10");
      }
    }
    state.setUp(r.name(), new DrbdState.Up(config, "Secondary", false));
    return ctx.ok();
  }

  /** The commands {@code drbdadm -d up} prints (with {@code setDefaults}: what {@code -d adjust} prints for a resource that is down). */
  static String dryUp(DrbdResource r, DrbdHost me, boolean setDefaults) {
    String n = r.name();
    List<String> out = new ArrayList<>();
    out.add("drbdsetup new-resource " + n + " " + me.nodeId());
    for (DrbdVolume v : r.volumes()) {
      out.add("drbdsetup new-minor " + n + " " + v.minor() + " " + v.number() + (r.diskOf(me, v).equals("none") ? " --diskless" : ""));
    }
    List<DrbdHost> peers = r.hosts().stream().filter(h -> h != me).toList();
    List<String> net = new ArrayList<>();
    net.add("--protocol=" + r.protocol());
    if (r.allowTwoPrimaries()) net.add("--allow-two-primaries=yes");
    r.verifyAlg().ifPresent(x -> net.add("--verify-alg=" + x));
    r.cramHmacAlg().ifPresent(x -> net.add("--cram-hmac-alg=" + x));
    r.sharedSecret().ifPresent(x -> net.add("--shared-secret=" + shell(x)));
    r.netOptions().forEach((k, v) -> net.add("--" + k + "=" + shell(v)));
    Collections.reverse(net);
    for (DrbdHost p : peers) out.add("drbdsetup new-peer " + n + " " + p.nodeId() + " --_name=" + p.name() + (net.isEmpty() ? "" : " " + String.join(" ", net)));
    for (DrbdHost p : peers) out.add("drbdsetup new-path " + n + " " + p.nodeId() + " " + endpoint(r, me) + " " + endpoint(r, p));
    List<String> peerOpts = new ArrayList<>();
    List<String> attachOpts = new ArrayList<>();
    for (Map.Entry<String, String> e : r.diskOptions().entrySet()) {
      (PEER_DEVICE_OPTIONS.contains(e.getKey()) ? peerOpts : attachOpts).add("--" + e.getKey() + "=" + shell(e.getValue()));
    }
    Collections.reverse(peerOpts);
    Collections.reverse(attachOpts);
    for (DrbdHost p : peers) {
      for (DrbdVolume v : r.volumes()) {
        List<String> o = new ArrayList<>(peerOpts);
        if (r.diskOf(p, v).equals("none")) o.add("--bitmap=no");
        if (o.isEmpty()) continue;
        if (setDefaults) o.add(0, "--set-defaults");
        out.add("drbdsetup peer-device-options " + n + " " + p.nodeId() + " " + v.number() + " " + String.join(" ", o));
      }
    }
    for (DrbdVolume v : r.volumes()) {
      String disk = r.diskOf(me, v);
      if (disk.equals("none")) continue;
      String d = shell(disk);
      String meta = v.metaDisk().equals("internal") ? d + " internal" : shell(v.metaDisk()) + " flexible";
      out.add("drbdmeta " + v.minor() + " v09 " + d + " " + (v.metaDisk().equals("internal") ? "internal" : shell(v.metaDisk()) + " flexible") + " apply-al");
      out.add("drbdsetup attach " + v.minor() + " " + d + " " + meta + (attachOpts.isEmpty() ? "" : " " + String.join(" ", attachOpts)));
    }
    for (DrbdHost p : peers) out.add("drbdsetup connect " + n + " " + p.nodeId());
    return String.join("\n", out) + "\n";
  }

  private static String endpoint(DrbdResource r, DrbdHost h) {
    Inet.Cidr a = Inet.address(h.address(), "address");
    int port = h.port().orElse(r.port());
    return a.isV4() ? "ipv4:" + a.address() + ":" + port : "ipv6:" + shell("[" + a.address() + "]") + ":" + port;
  }

  /** drbdadm's shell escaping of a value: a backslash before each character that is not plain. */
  static String shell(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) && c < 128) && "_./:=,@+%-".indexOf(c) < 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }
}
