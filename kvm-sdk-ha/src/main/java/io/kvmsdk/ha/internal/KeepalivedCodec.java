package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.KeepalivedText.Statement;
import io.kvmsdk.ha.internal.KeepalivedText.Writer;
import io.kvmsdk.ha.keepalived.BfdInstance;
import io.kvmsdk.ha.keepalived.Garp;
import io.kvmsdk.ha.keepalived.GlobalDefs;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.keepalived.KeepalivedStatement;
import io.kvmsdk.ha.keepalived.NotifyScript;
import io.kvmsdk.ha.keepalived.TrackedBfd;
import io.kvmsdk.ha.keepalived.TrackedInterface;
import io.kvmsdk.ha.keepalived.TrackedScript;
import io.kvmsdk.ha.keepalived.VirtualIpAddress;
import io.kvmsdk.ha.keepalived.VrrpAuth;
import io.kvmsdk.ha.keepalived.VrrpInstance;
import io.kvmsdk.ha.keepalived.VrrpScript;
import io.kvmsdk.ha.keepalived.VrrpSyncGroup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Maps keepalived.conf statements to the typed model and back, one keyword per line of code. */
public final class KeepalivedCodec {
  private KeepalivedCodec() {}

  // ------------------------------------------------------------------ rendering

  public static String render(KeepalivedConf c, boolean redact) {
    Writer w = new Writer();
    c.globalDefs().ifPresent(g -> globalDefs(w, g));
    for (VrrpScript s : c.scripts()) script(w, s);
    for (BfdInstance b : c.bfdInstances()) bfd(w, b);
    for (VrrpSyncGroup g : c.syncGroups()) syncGroup(w, g);
    for (VrrpInstance i : c.instances()) instance(w, i, redact);
    for (KeepalivedStatement s : c.unmodeled()) statement(w, s);
    return w.toString();
  }

  public static String render(VrrpInstance i, boolean redact) { Writer w = new Writer(); instance(w, i, redact); return w.toString(); }

  public static String render(VrrpScript s, boolean redact) { Writer w = new Writer(); script(w, s); return w.toString(); }

  public static String render(BfdInstance b, boolean redact) { Writer w = new Writer(); bfd(w, b); return w.toString(); }

  public static String render(VrrpSyncGroup g, boolean redact) { Writer w = new Writer(); syncGroup(w, g); return w.toString(); }

  private static String q(String s, String field) { return KeepalivedText.word(s, field); }

  private static void globalDefs(Writer w, GlobalDefs g) {
    w.open("global_defs");
    g.routerId().ifPresent(r -> w.line("router_id", q(r, "global_defs/router_id")));
    g.scriptUser().ifPresent(u -> w.line("script_user", userWords(u, "global_defs/script_user")));
    if (g.enableScriptSecurity()) w.line("enable_script_security");
    for (KeepalivedStatement s : g.unmodeled()) statement(w, s);
    w.close();
  }

  private static void script(Writer w, VrrpScript s) {
    String at = "vrrp_script " + s.name();
    w.open("vrrp_script", q(s.name(), "vrrp_script"));
    w.line("script", KeepalivedText.command(s.script(), at + "/script"));
    s.interval().ifPresent(d -> w.line("interval", seconds(d)));
    s.timeout().ifPresent(d -> w.line("timeout", seconds(d)));
    s.weight().ifPresent(v -> w.line("weight", String.valueOf(v)));
    s.rise().ifPresent(v -> w.line("rise", String.valueOf(v)));
    s.fall().ifPresent(v -> w.line("fall", String.valueOf(v)));
    s.user().ifPresent(u -> w.line("user", userWords(u, at + "/user")));
    for (KeepalivedStatement x : s.unmodeled()) statement(w, x);
    w.close();
  }

  private static void bfd(Writer w, BfdInstance b) {
    w.open("bfd_instance", q(b.name(), "bfd_instance"));
    w.line("neighbor_ip", b.neighborIp());
    b.sourceIp().ifPresent(v -> w.line("source_ip", v));
    b.minRx().ifPresent(v -> w.line("min_rx", String.valueOf(v)));
    b.minTx().ifPresent(v -> w.line("min_tx", String.valueOf(v)));
    b.idleTx().ifPresent(v -> w.line("idle_tx", String.valueOf(v)));
    b.multiplier().ifPresent(v -> w.line("multiplier", String.valueOf(v)));
    for (KeepalivedStatement x : b.unmodeled()) statement(w, x);
    w.close();
  }

  private static void syncGroup(Writer w, VrrpSyncGroup g) {
    String at = "vrrp_sync_group " + g.name();
    w.open("vrrp_sync_group", q(g.name(), "vrrp_sync_group"));
    w.open("group");
    for (String m : g.group()) w.line(q(m, at + "/group"));
    w.close();
    if (!g.trackScripts().isEmpty()) {
      w.open("track_script");
      for (TrackedScript t : g.trackScripts()) trackLine(w, t.name(), t.weight(), at + "/track_script");
      w.close();
    }
    if (g.trackingWeight()) w.line("sync_group_tracking_weight");
    notify(w, "notify_master", g.notifyMaster(), at);
    notify(w, "notify_backup", g.notifyBackup(), at);
    notify(w, "notify_fault", g.notifyFault(), at);
    notify(w, "notify_stop", g.notifyStop(), at);
    notify(w, "notify", g.notifyScript(), at);
    for (KeepalivedStatement x : g.unmodeled()) statement(w, x);
    w.close();
  }

  private static void instance(Writer w, VrrpInstance i, boolean redact) {
    String at = "vrrp_instance " + i.name();
    w.open("vrrp_instance", q(i.name(), "vrrp_instance"));
    i.state().ifPresent(s -> w.line("state", s.name()));
    w.line("interface", q(i.iface(), at + "/interface"));
    w.line("virtual_router_id", String.valueOf(i.virtualRouterId()));
    i.priority().ifPresent(p -> w.line("priority", String.valueOf(p)));
    i.version().ifPresent(v -> w.line("version", String.valueOf(v)));
    i.advertInterval().ifPresent(a -> w.line("advert_int", seconds(a)));
    if (i.nopreempt()) w.line("nopreempt");
    i.preemptDelay().ifPresent(d -> w.line("preempt_delay", seconds(d)));
    i.unicastSrcIp().ifPresent(a -> w.line("unicast_src_ip", a));
    if (!i.unicastPeers().isEmpty()) {
      w.open("unicast_peer");
      for (String p : i.unicastPeers()) w.line(p);
      w.close();
    }
    i.authentication().ifPresent(a -> {
      w.open("authentication");
      w.line("auth_type", a.type().name());
      w.line("auth_pass", redact ? "****" : q(a.password(), at + "/authentication/auth_pass"));
      w.close();
    });
    w.open("virtual_ipaddress");
    for (VirtualIpAddress a : i.virtualIpAddresses()) {
      List<String> words = new ArrayList<>();
      a.brd().ifPresent(v -> { words.add("brd"); words.add(v); });
      a.dev().ifPresent(v -> { words.add("dev"); words.add(q(v, at + "/virtual_ipaddress/dev")); });
      a.scope().ifPresent(v -> { words.add("scope"); words.add(q(v, at + "/virtual_ipaddress/scope")); });
      a.label().ifPresent(v -> { words.add("label"); words.add(q(v, at + "/virtual_ipaddress/label")); });
      for (String o : a.options()) words.add(q(o, at + "/virtual_ipaddress"));
      w.line(a.address(), words.toArray(String[]::new));
    }
    w.close();
    if (!i.trackInterfaces().isEmpty()) {
      w.open("track_interface");
      for (TrackedInterface t : i.trackInterfaces()) trackLine(w, t.name(), t.weight(), at + "/track_interface");
      w.close();
    }
    if (!i.trackScripts().isEmpty()) {
      w.open("track_script");
      for (TrackedScript t : i.trackScripts()) trackLine(w, t.name(), t.weight(), at + "/track_script");
      w.close();
    }
    if (!i.trackBfds().isEmpty()) {
      w.open("track_bfd");
      for (TrackedBfd t : i.trackBfds()) trackLine(w, t.name(), t.weight(), at + "/track_bfd");
      w.close();
    }
    i.garp().ifPresent(g -> {
      g.masterDelay().ifPresent(v -> w.line("garp_master_delay", String.valueOf(v)));
      g.masterRepeat().ifPresent(v -> w.line("garp_master_repeat", String.valueOf(v)));
      g.masterRefresh().ifPresent(v -> w.line("garp_master_refresh", String.valueOf(v)));
      g.masterRefreshRepeat().ifPresent(v -> w.line("garp_master_refresh_repeat", String.valueOf(v)));
      g.lowerPrioDelay().ifPresent(v -> w.line("garp_lower_prio_delay", String.valueOf(v)));
      g.lowerPrioRepeat().ifPresent(v -> w.line("garp_lower_prio_repeat", String.valueOf(v)));
    });
    notify(w, "notify_master", i.notifyMaster(), at);
    notify(w, "notify_backup", i.notifyBackup(), at);
    notify(w, "notify_fault", i.notifyFault(), at);
    notify(w, "notify_stop", i.notifyStop(), at);
    notify(w, "notify", i.notifyScript(), at);
    for (KeepalivedStatement x : i.unmodeled()) statement(w, x);
    w.close();
  }

  private static void trackLine(Writer w, String name, Optional<Integer> weight, String field) {
    if (weight.isPresent()) w.line(q(name, field), "weight", String.valueOf(weight.get()));
    else w.line(q(name, field));
  }

  private static void notify(Writer w, String keyword, Optional<NotifyScript> n, String at) {
    if (n.isEmpty()) return;
    String cmd = KeepalivedText.command(n.get().command(), at + "/" + keyword);
    if (n.get().user().isPresent()) {
      String[] u = userWords(n.get().user().get(), at + "/" + keyword + "/user");
      String[] all = new String[u.length + 1];
      all[0] = cmd;
      System.arraycopy(u, 0, all, 1, u.length);
      w.line(keyword, all);
    } else {
      w.line(keyword, cmd);
    }
  }

  /** {@code USER [GROUP]} as its words; refused when it is not one or two user/group names. */
  public static String[] userWords(String user, String field) {
    String[] parts = user.trim().split("\\s+");
    if (parts.length > 2 || parts[0].isEmpty()) throw new InvalidSpecException(field, "must be 'USER' or 'USER GROUP', got '" + user + "'");
    for (int k = 0; k < parts.length; k++) {
      if (!parts[k].matches("[A-Za-z_][A-Za-z0-9_.-]*\\$?")) throw new InvalidSpecException(field, "must be user and group names, got '" + user + "'");
    }
    return parts;
  }

  private static void statement(Writer w, KeepalivedStatement s) {
    String[] words = s.args().stream().map(a -> q(a, s.keyword())).toArray(String[]::new);
    String kw = q(s.keyword(), s.keyword());
    if (s.hasBlock()) {
      w.open(kw, words);
      for (KeepalivedStatement c : s.block()) statement(w, c);
      w.close();
    } else {
      w.line(kw, words);
    }
  }

  /** A duration as keepalived's decimal seconds: {@code 1}, {@code 0.01}, {@code 1.5}. */
  static String seconds(Duration d) {
    return new BigDecimal(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
  }

  // ------------------------------------------------------------------ paths

  public static List<String> unmodeledPaths(KeepalivedConf c) {
    List<String> out = new ArrayList<>();
    c.globalDefs().ifPresent(g -> g.unmodeled().forEach(s -> out.add("global_defs/" + s.keyword())));
    c.scripts().forEach(s -> s.unmodeled().forEach(x -> out.add("vrrp_script " + s.name() + "/" + x.keyword())));
    c.bfdInstances().forEach(s -> s.unmodeled().forEach(x -> out.add("bfd_instance " + s.name() + "/" + x.keyword())));
    c.syncGroups().forEach(s -> s.unmodeled().forEach(x -> out.add("vrrp_sync_group " + s.name() + "/" + x.keyword())));
    c.instances().forEach(s -> s.unmodeled().forEach(x -> out.add("vrrp_instance " + s.name() + "/" + x.keyword())));
    c.unmodeled().forEach(s -> out.add(s.keyword()));
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------ parsing

  /**
   * Reads a file; refuses what it could not write back the same (a value the writer cannot quote)
   * and an {@code auth_pass} anywhere but in a typed {@code authentication} block, so the password
   * can never be kept verbatim where {@code toString()} would show it.
   */
  public static KeepalivedConf parse(String text) {
    List<Statement> top = KeepalivedText.parse(text);
    authPassOnlyInAuthentication(top, null);
    KeepalivedConf conf = typed(top);
    render(conf, false); // what cannot be written back is refused now, typed, not later by toString() or render()
    return conf;
  }

  /** Refuses an auth_pass word that is not the keyword of a statement directly in an authentication block. */
  private static void authPassOnlyInAuthentication(List<Statement> block, String owner) {
    for (Statement s : block) {
      boolean misplaced = s.args().contains("auth_pass") || (s.keyword().equals("auth_pass") && !"authentication".equals(owner));
      if (misplaced) {
        throw new InvalidSpecException("keepalived.conf line " + s.line(), "auth_pass goes on its own line in an authentication block"
            + " (the value is not shown)");
      }
      authPassOnlyInAuthentication(s.block(), s.keyword());
    }
  }

  private static KeepalivedConf typed(List<Statement> top) {
    KeepalivedConf.Builder b = KeepalivedConf.builder();
    boolean globals = false;
    for (Statement s : top) {
      switch (s.keyword()) {
        case "global_defs":
          if (globals || !s.hasBlock()) { b.addUnmodeled(kept(s)); break; }
          globals = true;
          b.globalDefs(build(s, globalDefs(s)));
          break;
        case "vrrp_script":
          if (!s.hasBlock() || s.args().size() != 1) { b.addUnmodeled(kept(s)); break; }
          b.addScript(build(s, vrrpScript(s)));
          break;
        case "bfd_instance":
          if (!s.hasBlock() || s.args().size() != 1) { b.addUnmodeled(kept(s)); break; }
          b.addBfdInstance(build(s, bfd(s)));
          break;
        case "vrrp_sync_group":
          if (!s.hasBlock() || s.args().size() != 1) { b.addUnmodeled(kept(s)); break; }
          b.addSyncGroup(build(s, syncGroup(s)));
          break;
        case "vrrp_instance":
          if (!s.hasBlock() || s.args().size() != 1) { b.addUnmodeled(kept(s)); break; }
          b.addInstance(build(s, instance(s)));
          break;
        default:
          b.addUnmodeled(kept(s));
      }
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new InvalidSpecException("keepalived.conf", String.valueOf(e.getMessage()), e);
    }
  }

  /** Builds one block's value; a broken rule names the block's line. */
  private static <T> T build(Statement s, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidSpecException e) {
      if (e.field().startsWith("keepalived.conf")) throw e;
      throw new InvalidSpecException("keepalived.conf line " + s.line() + " (" + e.field() + ")", e.rule(), e);
    } catch (IllegalStateException e) {
      throw new InvalidSpecException("keepalived.conf line " + s.line() + " (" + s.keyword() + ")", String.valueOf(e.getMessage()), e);
    }
  }

  private static KeepalivedStatement kept(Statement s) {
    KeepalivedStatement.Builder b = KeepalivedStatement.builder().keyword(s.keyword()).args(s.args()).hasBlock(s.hasBlock());
    for (Statement c : s.block()) b.addBlock(kept(c));
    return b.build();
  }

  private static String one(Statement s) {
    if (s.args().size() != 1) throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " takes one value, got " + s.args().size());
    return s.args().get(0);
  }

  private static int integer(Statement s) {
    String v = one(s);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " must be an integer, got '" + v + "'");
    }
  }

  private static Duration duration(Statement s) {
    String v = one(s);
    try {
      BigDecimal sec = new BigDecimal(v);
      if (sec.signum() < 0 || sec.compareTo(BigDecimal.valueOf(86400L * 365)) > 0) throw new NumberFormatException();
      return Duration.ofNanos(sec.movePointRight(9).toBigInteger().longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " must be a number of seconds, got '" + v + "'");
    }
  }

  private static void flag(Statement s) {
    if (!s.args().isEmpty() || s.hasBlock()) throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " takes no value");
  }

  private static java.util.function.Supplier<GlobalDefs> globalDefs(Statement block) {
    return () -> {
      GlobalDefs.Builder b = GlobalDefs.builder();
      Set<String> seen = new HashSet<>();
      for (Statement s : block.block()) {
        if (!seen.add(s.keyword()) || s.hasBlock()) { b.addUnmodeled(kept(s)); continue; }
        switch (s.keyword()) {
          case "router_id": b.routerId(one(s)); break;
          case "script_user": b.scriptUser(String.join(" ", s.args())); break;
          case "enable_script_security": flag(s); b.enableScriptSecurity(true); break;
          default: b.addUnmodeled(kept(s));
        }
      }
      return b.build();
    };
  }

  private static java.util.function.Supplier<VrrpScript> vrrpScript(Statement block) {
    return () -> {
      VrrpScript.Builder b = VrrpScript.builder().name(block.args().get(0));
      Set<String> seen = new HashSet<>();
      for (Statement s : block.block()) {
        if (!seen.add(s.keyword()) || s.hasBlock()) { b.addUnmodeled(kept(s)); continue; }
        switch (s.keyword()) {
          case "script": b.script(scriptArgv(s).command()); break;
          case "interval": b.interval(duration(s)); break;
          case "timeout": b.timeout(duration(s)); break;
          case "weight":
            if (s.args().size() != 1) { b.addUnmodeled(kept(s)); break; }
            b.weight(integer(s));
            break;
          case "rise": b.rise(integer(s)); break;
          case "fall": b.fall(integer(s)); break;
          case "user": b.user(String.join(" ", s.args())); break;
          default: b.addUnmodeled(kept(s));
        }
      }
      return b.build();
    };
  }

  /** A script keyword's command and optional user, read as keepalived re-reads the line. */
  private static NotifyScript scriptArgv(Statement s) {
    List<String> words = s.escapedWords();
    if (words.size() < 2) throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " needs a command");
    List<String> argv = KeepalivedText.splitEscaped(words.get(1), "line " + s.line());
    if (argv.isEmpty()) throw new InvalidSpecException("keepalived.conf line " + s.line(), s.keyword() + " needs a command");
    NotifyScript.Builder b = NotifyScript.builder().command(argv);
    if (words.size() > 2) b.user(String.join(" ", words.subList(2, words.size())));
    return b.build();
  }

  private static java.util.function.Supplier<BfdInstance> bfd(Statement block) {
    return () -> {
      BfdInstance.Builder b = BfdInstance.builder().name(block.args().get(0));
      Set<String> seen = new HashSet<>();
      for (Statement s : block.block()) {
        if (!seen.add(s.keyword()) || s.hasBlock()) { b.addUnmodeled(kept(s)); continue; }
        switch (s.keyword()) {
          case "neighbor_ip": b.neighborIp(one(s)); break;
          case "source_ip": b.sourceIp(one(s)); break;
          case "min_rx": b.minRx(integer(s)); break;
          case "min_tx": b.minTx(integer(s)); break;
          case "idle_tx": b.idleTx(integer(s)); break;
          case "multiplier": b.multiplier(integer(s)); break;
          default: b.addUnmodeled(kept(s));
        }
      }
      return b.build();
    };
  }

  private static java.util.function.Supplier<VrrpSyncGroup> syncGroup(Statement block) {
    return () -> {
      VrrpSyncGroup.Builder b = VrrpSyncGroup.builder().name(block.args().get(0));
      Set<String> seen = new HashSet<>();
      for (Statement s : block.block()) {
        if (!seen.add(s.keyword())) { b.addUnmodeled(kept(s)); continue; }
        switch (s.keyword()) {
          case "group":
            if (!s.hasBlock() || !s.args().isEmpty()) { b.addUnmodeled(kept(s)); break; }
            for (Statement m : s.block()) {
              if (m.hasBlock()) throw new InvalidSpecException("keepalived.conf line " + m.line(), "group members are names, not blocks");
              b.addGroup(m.keyword());
              m.args().forEach(b::addGroup);
            }
            break;
          case "track_script":
            if (!tracks(s, (n, w) -> b.addTrackScript(TrackedScript.builder().name(n).weight(w).build()))) b.addUnmodeled(kept(s));
            break;
          case "sync_group_tracking_weight": flag(s); b.trackingWeight(true); break;
          case "notify_master": b.notifyMaster(scriptArgv(s)); break;
          case "notify_backup": b.notifyBackup(scriptArgv(s)); break;
          case "notify_fault": b.notifyFault(scriptArgv(s)); break;
          case "notify_stop": b.notifyStop(scriptArgv(s)); break;
          case "notify": b.notifyScript(scriptArgv(s)); break;
          default: b.addUnmodeled(kept(s));
        }
      }
      return b.build();
    };
  }

  /** Reads a track_* block of {@code NAME [weight W]} lines; false (keep it verbatim) when a line says more. */
  private static boolean tracks(Statement block, java.util.function.BiConsumer<String, Optional<Integer>> add) {
    if (!block.hasBlock() || !block.args().isEmpty()) return false;
    List<Runnable> adds = new ArrayList<>();
    for (Statement t : block.block()) {
      if (t.hasBlock()) return false;
      List<String> a = t.args();
      if (a.isEmpty()) {
        adds.add(() -> add.accept(t.keyword(), Optional.empty()));
      } else if (a.size() == 2 && a.get(0).equals("weight") && a.get(1).matches("-?[0-9]{1,3}")) {
        int w = Integer.parseInt(a.get(1));
        adds.add(() -> add.accept(t.keyword(), Optional.of(w)));
      } else {
        return false;
      }
    }
    adds.forEach(Runnable::run);
    return true;
  }

  private static java.util.function.Supplier<VrrpInstance> instance(Statement block) {
    return () -> {
      VrrpInstance.Builder b = VrrpInstance.builder().name(block.args().get(0));
      Set<String> seen = new HashSet<>();
      Garp.Builder garp = Garp.builder();
      boolean anyGarp = false;
      boolean hasIface = false;
      boolean hasVrid = false;
      for (Statement s : block.block()) {
        if (!seen.add(s.keyword())) { b.addUnmodeled(kept(s)); continue; }
        switch (s.keyword()) {
          case "state":
            String st = one(s);
            if (!st.equals("MASTER") && !st.equals("BACKUP")) throw new InvalidSpecException("keepalived.conf line " + s.line(), "state must be MASTER or BACKUP, got '" + st + "'");
            b.state(VrrpInstance.State.valueOf(st));
            break;
          case "interface": b.iface(one(s)); hasIface = true; break;
          case "virtual_router_id": b.virtualRouterId(integer(s)); hasVrid = true; break;
          case "priority": b.priority(integer(s)); break;
          case "version": b.version(integer(s)); break;
          case "advert_int": b.advertInterval(duration(s)); break;
          case "nopreempt": flag(s); b.nopreempt(true); break;
          case "preempt_delay": b.preemptDelay(duration(s)); break;
          case "unicast_src_ip": b.unicastSrcIp(one(s)); break;
          case "unicast_peer":
            if (!s.hasBlock() || s.block().stream().anyMatch(p -> !p.args().isEmpty() || p.hasBlock())) { b.addUnmodeled(kept(s)); break; }
            s.block().forEach(p -> b.addUnicastPeer(p.keyword()));
            break;
          case "authentication":
            if (!auth(s, b)) {
              if (s.block().stream().anyMatch(a -> a.keyword().equals("auth_pass"))) {
                throw new InvalidSpecException("keepalived.conf line " + s.line(), "an authentication block with an auth_pass holds one auth_type"
                    + " (PASS or AH) and one auth_pass of one value each (the value is not shown)");
              }
              b.addUnmodeled(kept(s));
            }
            break;
          case "virtual_ipaddress":
            if (!s.hasBlock() || !s.args().isEmpty()) { b.addUnmodeled(kept(s)); break; }
            for (Statement a : s.block()) b.addVirtualIpAddress(vip(a));
            break;
          case "track_interface":
            if (!tracks(s, (n, w) -> b.addTrackInterface(TrackedInterface.builder().name(n).weight(w).build()))) b.addUnmodeled(kept(s));
            break;
          case "track_script":
            if (!tracks(s, (n, w) -> b.addTrackScript(TrackedScript.builder().name(n).weight(w).build()))) b.addUnmodeled(kept(s));
            break;
          case "track_bfd":
            if (!tracks(s, (n, w) -> b.addTrackBfd(TrackedBfd.builder().name(n).weight(w).build()))) b.addUnmodeled(kept(s));
            break;
          case "garp_master_delay": garp.masterDelay(integer(s)); anyGarp = true; break;
          case "garp_master_repeat": garp.masterRepeat(integer(s)); anyGarp = true; break;
          case "garp_master_refresh": garp.masterRefresh(integer(s)); anyGarp = true; break;
          case "garp_master_refresh_repeat": garp.masterRefreshRepeat(integer(s)); anyGarp = true; break;
          case "garp_lower_prio_delay": garp.lowerPrioDelay(integer(s)); anyGarp = true; break;
          case "garp_lower_prio_repeat": garp.lowerPrioRepeat(integer(s)); anyGarp = true; break;
          case "notify_master": b.notifyMaster(scriptArgv(s)); break;
          case "notify_backup": b.notifyBackup(scriptArgv(s)); break;
          case "notify_fault": b.notifyFault(scriptArgv(s)); break;
          case "notify_stop": b.notifyStop(scriptArgv(s)); break;
          case "notify": b.notifyScript(scriptArgv(s)); break;
          default: b.addUnmodeled(kept(s));
        }
      }
      if (!hasIface) throw new InvalidSpecException("vrrp_instance " + block.args().get(0) + "/interface", "is required");
      if (!hasVrid) throw new InvalidSpecException("vrrp_instance " + block.args().get(0) + "/virtual_router_id", "is required");
      if (anyGarp) b.garp(garp.build());
      return b.build();
    };
  }

  private static boolean auth(Statement s, VrrpInstance.Builder b) {
    if (!s.hasBlock() || !s.args().isEmpty() || s.block().size() != 2) return false;
    String type = null;
    String pass = null;
    for (Statement a : s.block()) {
      if (a.args().size() != 1 || a.hasBlock()) return false;
      if (a.keyword().equals("auth_type")) type = a.args().get(0);
      else if (a.keyword().equals("auth_pass")) pass = a.args().get(0);
    }
    if (type == null || pass == null || !(type.equals("PASS") || type.equals("AH"))) return false;
    b.authentication(VrrpAuth.builder().type(VrrpAuth.Type.valueOf(type)).password(pass).build());
    return true;
  }

  private static VirtualIpAddress vip(Statement a) {
    if (a.hasBlock()) throw new InvalidSpecException("keepalived.conf line " + a.line(), "a virtual_ipaddress line cannot open a block");
    VirtualIpAddress.Builder v = VirtualIpAddress.builder().address(a.keyword());
    List<String> args = a.args();
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < args.size(); k++) {
      String o = args.get(k);
      boolean pair = k + 1 < args.size() && seen.add(o);
      switch (pair ? o : "") {
        case "brd": v.brd(args.get(++k)); break;
        case "dev": v.dev(args.get(++k)); break;
        case "scope": v.scope(args.get(++k)); break;
        case "label": v.label(args.get(++k)); break;
        default:
          v.addAllOptions(args.subList(k, args.size()));
          k = args.size();
      }
    }
    return v.build();
  }

  /** Applies {@code change} to a fresh builder (for tests and callers that build in steps). */
  static <B> B with(B b, Consumer<B> change) { change.accept(b); return b; }
}
