package io.kvmsdk.storage.internal;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiPortal;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.storage.iscsi.Tgt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compiles an {@link IscsiTarget} to tgtadm plans (see {@link Tgt} for the steps). */
public final class TgtPlans {
  private static final String LUN_INDENT = "        ";
  private TgtPlans() {}

  /** tgtadm [-C N] --lld L ARGS... */
  static List<String> tgtadm(Tgt tgt, String... args) {
    List<String> a = new ArrayList<>();
    a.add(tgt.program());
    tgt.controlPort().ifPresent(p -> { a.add("-C"); a.add(String.valueOf(p)); });
    a.add("--lld");
    a.add(tgt.lld());
    a.addAll(List.of(args));
    return a;
  }

  static HostCommand cmd(Tgt tgt, String... args) { return HostCommand.of(tgtadm(tgt, args)); }

  private static List<String> showTargets(Tgt tgt) { return tgtadm(tgt, "--op", "show", "--mode", "target"); }

  private static List<String> targetSection(IscsiTarget t) { return Sh.section("^Target " + t.tid() + ": ", "^Target "); }

  /** tgt's bsopts for an RBD LUN: {@code conf=...;id=...}. */
  public static String bsopts(IscsiLun l) {
    List<String> o = new ArrayList<>();
    l.cephConf().ifPresent(c -> o.add("conf=" + c));
    l.cephId().ifPresent(i -> o.add("id=" + i));
    return String.join(";", o);
  }

  /** The name a CHAP secret is read from in a rendered script: {@code TGT_CHAP_<USER>}. */
  static String secretName(String prefix, ChapCredentials c) {
    return prefix + c.user().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  public static Plan create(Tgt tgt, IscsiTarget t) {
    Plan.Builder p = Plan.builder();
    String tid = String.valueOf(t.tid());
    for (IscsiPortal portal : t.portals()) {
      p.step(Step.builder("add portal " + portal + " to tgtd")
          .check(HostCommand.pipeline(tgtadm(tgt, "--op", "show", "--mode", "portal"), Sh.hasLine("Portal: " + portal + ",1")))
          .change(cmd(tgt, "--op", "new", "--mode", "portal", "--param", "portal=" + portal))
          .undo(cmd(tgt, "--op", "delete", "--mode", "portal", "--param", "portal=" + portal)));
    }
    p.step(Step.builder("create target " + tid + " " + t.iqn())
        .check(HostCommand.pipeline(showTargets(tgt), Sh.hasLine("Target " + tid + ": " + t.iqn())))
        .change(cmd(tgt, "--op", "new", "--mode", "target", "--tid", tid, "--targetname", t.iqn()))
        .undo(cmd(tgt, "--op", "delete", "--mode", "target", "--tid", tid, "--force")));
    for (IscsiLun l : t.luns()) {
      String lun = String.valueOf(l.lun());
      List<String> add = tgtadm(tgt, "--op", "new", "--mode", "logicalunit", "--tid", tid, "--lun", lun,
          "--backing-store", l.store(), "--bstype", l.tgtBsType());
      if (l.directIo()) { add.add("--bsoflags"); add.add("direct"); }
      if (!bsopts(l).isEmpty()) { add.add("--bsopts"); add.add(bsopts(l)); }
      Step.Builder s = Step.builder("add LUN " + lun + " (" + l.store() + ") to target " + tid)
          .check(HostCommand.pipeline(showTargets(tgt), targetSection(t), Sh.section("^" + LUN_INDENT + "LUN: " + lun + "$", "^" + LUN_INDENT + "LUN: "),
              Sh.hasLine("            Backing store path: " + l.store())))
          .change(HostCommand.of(add));
      List<String> params = new ArrayList<>();
      if (l.readOnly()) params.add("readonly=1");
      l.serial().ifPresent(sn -> params.add("scsi_sn=" + sn));
      if (!params.isEmpty()) {
        s.change(cmd(tgt, "--op", "update", "--mode", "logicalunit", "--tid", tid, "--lun", lun, "--params", String.join(",", params)));
      }
      p.step(s.undo(cmd(tgt, "--op", "delete", "--mode", "logicalunit", "--tid", tid, "--lun", lun)));
    }
    t.maxConnections().ifPresent(m -> p.step(param(tgt, t, "MaxConnections", m)));
    t.tgtMaxQueueCmd().ifPresent(m -> p.step(param(tgt, t, "MaxQueueCmd", m)));
    t.chap().ifPresent(c -> account(p, tgt, t, c, false));
    t.mutualChap().ifPresent(c -> account(p, tgt, t, c, true));
    List<String> acl = t.allowAnyInitiator() ? List.of("ALL") : t.initiators();
    for (String who : acl) {
      String opt = who.equals("ALL") ? "--initiator-address" : "--initiator-name";
      p.step(Step.builder("allow " + (who.equals("ALL") ? "every initiator" : who) + " into target " + tid)
          .check(HostCommand.pipeline(showTargets(tgt), targetSection(t), Sh.section("^    ACL information:$", "^Target "), Sh.hasLine("        " + who)))
          .change(cmd(tgt, "--op", "bind", "--mode", "target", "--tid", tid, opt, who))
          .undo(cmd(tgt, "--op", "unbind", "--mode", "target", "--tid", tid, opt, who)));
    }
    return p.build();
  }

  private static Step param(Tgt tgt, IscsiTarget t, String name, int value) {
    String tid = String.valueOf(t.tid());
    return Step.builder("set " + name + "=" + value + " on target " + tid)
        .check(HostCommand.pipeline(tgtadm(tgt, "--op", "show", "--mode", "target", "--tid", tid), Sh.hasLine(name + "=" + value)))
        .change(cmd(tgt, "--op", "update", "--mode", "target", "--tid", tid, "--name", name, "--value", String.valueOf(value)))
        .build();
  }

  private static void account(Plan.Builder p, Tgt tgt, IscsiTarget t, ChapCredentials c, boolean outgoing) {
    String tid = String.valueOf(t.tid());
    String what = outgoing ? "mutual CHAP account " : "CHAP account ";
    p.step(Step.builder("create " + what + c.user())
        .check(HostCommand.pipeline(tgtadm(tgt, "--op", "show", "--mode", "account"), Sh.hasLine("    " + c.user())))
        .change(HostCommand.builder().args(tgtadm(tgt, "--op", "new", "--mode", "account", "--user", c.user(), "--password"))
            .arg(Arg.secret(secretName(outgoing ? "TGT_MUTUAL_CHAP_" : "TGT_CHAP_", c), c.secret())).build())
        .undo(cmd(tgt, "--op", "delete", "--mode", "account", "--user", c.user())));
    List<String> bind = new ArrayList<>(List.of("--op", "bind", "--mode", "account", "--tid", tid, "--user", c.user()));
    List<String> unbind = new ArrayList<>(List.of("--op", "unbind", "--mode", "account", "--tid", tid, "--user", c.user()));
    if (outgoing) { bind.add("--outgoing"); unbind.add("--outgoing"); }
    p.step(Step.builder("bind " + what + c.user() + " to target " + tid)
        .check(HostCommand.pipeline(showTargets(tgt), targetSection(t), Sh.section("^    Account information:$", "^    ACL information:$"),
            Sh.hasLine("        " + c.user() + (outgoing ? " (outgoing)" : ""))))
        .change(cmd(tgt, bind.toArray(String[]::new)))
        .undo(cmd(tgt, unbind.toArray(String[]::new))));
  }

  public static Plan remove(Tgt tgt, IscsiTarget t) {
    String tid = String.valueOf(t.tid());
    Plan.Builder p = Plan.builder()
        .step(Step.builder("delete target " + tid + " " + t.iqn())
            .check(HostCommand.pipeline(showTargets(tgt), Sh.absent("Target " + tid + ": " + t.iqn())))
            .change(cmd(tgt, "--op", "delete", "--mode", "target", "--tid", tid)));
    for (ChapCredentials c : accounts(t)) {
      p.step(Step.builder("delete CHAP account " + c.user())
          .check(HostCommand.pipeline(tgtadm(tgt, "--op", "show", "--mode", "account"), Sh.absent("    " + c.user())))
          .change(cmd(tgt, "--op", "delete", "--mode", "account", "--user", c.user())));
    }
    return p.build();
  }

  private static List<ChapCredentials> accounts(IscsiTarget t) {
    List<ChapCredentials> a = new ArrayList<>();
    t.chap().ifPresent(a::add);
    t.mutualChap().ifPresent(a::add);
    return a;
  }

  public static Plan conf(Tgt tgt, IscsiTarget t) {
    return Files.writePlan("write " + tgt.confPath(t), tgt.confPath(t), t.targetsConf(), "0600", t.chap().isPresent());
  }
}
