package io.kvmsdk.storage.internal;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiPortal;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.storage.iscsi.Lio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles an {@link IscsiTarget} to targetcli plans and rtslib's saveconfig JSON (see {@link Lio}). */
public final class LioPlans {
  private static final String MASK = "****";

  private LioPlans() {}

  public static String backstoreName(IscsiTarget t, IscsiLun l) {
    String iqn = t.iqn();
    int cut = Math.max(iqn.lastIndexOf(':'), iqn.lastIndexOf('.'));
    String base = iqn.substring(cut + 1).replaceAll("[^A-Za-z0-9_-]", "_");
    return base + "-lun" + l.lun();
  }

  private static String plugin(IscsiLun l) { return l.backing() == IscsiLun.Backing.FILE ? "fileio" : "block"; }

  /** The device LIO serves for {@code l}: the path, or the kernel RBD client's {@code /dev/rbd/POOL/IMAGE}. */
  static String dev(IscsiLun l) { return l.backing() == IscsiLun.Backing.RBD ? "/dev/rbd/" + l.store() : l.store(); }

  private static HostCommand tcli(Lio lio, String... args) {
    List<String> a = new ArrayList<>();
    a.add(lio.program());
    a.addAll(List.of(args));
    return HostCommand.of(a);
  }

  private static HostCommand isDir(String path) { return HostCommand.of("test", "-d", path); }

  private static HostCommand isNotDir(String path) { return HostCommand.of("test", "!", "-d", path); }

  private static String bool(boolean b) { return b ? "true" : "false"; }

  public static Plan create(Lio lio, IscsiTarget t) {
    String node = "/iscsi/" + t.iqn();
    String tpg = node + "/tpg1";
    String fs = lio.configfs() + "/iscsi/" + t.iqn() + "/tpgt_1";
    Plan.Builder p = Plan.builder();
    p.step(Step.builder("create LIO target " + t.iqn())
        .check(isDir(fs))
        .change(tcli(lio, "/iscsi", "create", t.iqn()))
        .change(isDir(fs))
        .undo(tcli(lio, "/iscsi", "delete", t.iqn())));
    if (!t.portals().isEmpty()) {
      p.step(Step.builder("remove the default portal 0.0.0.0:3260 of " + t.iqn())
          .check(isNotDir(fs + "/np/0.0.0.0:3260"))
          .change(tcli(lio, tpg + "/portals", "delete", "0.0.0.0", "3260")));
      for (IscsiPortal portal : t.portals()) {
        p.step(Step.builder("add portal " + portal + " to " + t.iqn())
            .check(isDir(fs + "/np/" + portal))
            .change(tcli(lio, tpg + "/portals", "create", portal.address(), String.valueOf(portal.port())))
            .change(isDir(fs + "/np/" + portal))
            .undo(tcli(lio, tpg + "/portals", "delete", portal.address(), String.valueOf(portal.port()))));
      }
    }
    for (IscsiLun l : t.luns()) {
      String name = backstoreName(t, l);
      String bs = "/backstores/" + plugin(l);
      List<String> create = new ArrayList<>(List.of(bs, "create", "name=" + name));
      if (l.backing() == IscsiLun.Backing.FILE) {
        create.add("file_or_dev=" + l.store());
        create.add("write_back=" + bool(!l.directIo()));
      } else {
        create.add("dev=" + dev(l));
        create.add("readonly=" + bool(l.readOnly()));
      }
      Step.Builder s = Step.builder("create backstore " + name + " (" + l.store() + ") as LUN " + l.lun() + " of " + t.iqn())
          .check(isDir(fs + "/lun/lun_" + l.lun()))
          .change(tcli(lio, create.toArray(String[]::new)));
      l.queueDepth().ifPresent(q -> s.change(tcli(lio, bs + "/" + name, "set", "attribute", "queue_depth=" + q)));
      p.step(s.change(tcli(lio, tpg + "/luns", "create", bs + "/" + name, "lun=" + l.lun(), "add_mapped_luns=false"))
          .change(isDir(fs + "/lun/lun_" + l.lun()))
          .undo(tcli(lio, bs, "delete", name)));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("authentication", t.chap().isPresent() ? "1" : "0");
    attrs.put("generate_node_acls", t.allowAnyInitiator() ? "1" : "0");
    if (t.allowAnyInitiator()) {
      attrs.put("cache_dynamic_acls", "1");
      attrs.put("demo_mode_write_protect", t.luns().stream().allMatch(IscsiLun::readOnly) && !t.luns().isEmpty() ? "1" : "0");
    }
    t.maxQueueCmd().ifPresent(q -> attrs.put("default_cmdsn_depth", String.valueOf(q)));
    attrs.forEach((k, v) -> p.step(Step.builder("set attribute " + k + "=" + v + " of " + t.iqn() + " tpg1")
        .check(HostCommand.of("grep", "-qx", v, fs + "/attrib/" + k))
        .change(tcli(lio, tpg, "set", "attribute", k + "=" + v))));
    t.maxConnections().ifPresent(m -> p.step(Step.builder("set parameter MaxConnections=" + m + " of " + t.iqn() + " tpg1")
        .check(HostCommand.of("grep", "-qx", String.valueOf(m), fs + "/param/MaxConnections"))
        .change(tcli(lio, tpg, "set", "parameter", "MaxConnections=" + m))));
    if (t.allowAnyInitiator() && t.chap().isPresent()) {
      HostCommand.Builder auth = HostCommand.builder().args(lio.program(), tpg, "set", "auth", "userid=" + t.chap().get().user());
      auth.arg(secretArg("password=", "LIO_CHAP_", t.chap().get()));
      t.mutualChap().ifPresent(m -> auth.arg("mutual_userid=" + m.user()).arg(secretArg("mutual_password=", "LIO_MUTUAL_CHAP_", m)));
      p.step(Step.builder("set CHAP of " + t.iqn() + " tpg1 (any initiator)").change(auth.build()));
    }
    for (String init : t.initiators()) {
      String acl = tpg + "/acls";
      Step.Builder s = Step.builder("allow " + init + " into " + t.iqn())
          .check(isDir(fs + "/acls/" + init))
          .change(tcli(lio, acl, "create", init, "add_mapped_luns=false"));
      for (IscsiLun l : t.luns()) {
        s.change(tcli(lio, acl + "/" + init, "create", "mapped_lun=" + l.lun(), "tpg_lun_or_backstore=" + l.lun(), "write_protect=" + bool(l.readOnly())));
      }
      if (t.chap().isPresent()) {
        HostCommand.Builder auth = HostCommand.builder().args(lio.program(), acl + "/" + init, "set", "auth", "userid=" + t.chap().get().user());
        auth.arg(secretArg("password=", "LIO_CHAP_", t.chap().get()));
        t.mutualChap().ifPresent(m -> auth.arg("mutual_userid=" + m.user()).arg(secretArg("mutual_password=", "LIO_MUTUAL_CHAP_", m)));
        s.change(auth.build());
      }
      p.step(s.change(isDir(fs + "/acls/" + init)).undo(tcli(lio, acl, "delete", init)));
    }
    p.step(Step.builder("save the LIO configuration").change(tcli(lio, "saveconfig")));
    return p.build();
  }

  private static Arg secretArg(String prefix, String namePrefix, ChapCredentials c) {
    return Arg.secret(TgtPlans.secretName(namePrefix, c), c.secret()).withPrefix(prefix);
  }

  public static Plan remove(Lio lio, IscsiTarget t) {
    String fs = lio.configfs() + "/iscsi/" + t.iqn();
    Plan.Builder p = Plan.builder()
        .step(Step.builder("delete LIO target " + t.iqn())
            .check(isNotDir(fs))
            .change(tcli(lio, "/iscsi", "delete", t.iqn())));
    for (IscsiLun l : t.luns()) {
      // targetcli exits 0 when the backstore is gone already: the step is idempotent as it is
      p.step(Step.builder("delete backstore " + backstoreName(t, l)).change(tcli(lio, "/backstores/" + plugin(l), "delete", backstoreName(t, l))));
    }
    return p.step(Step.builder("save the LIO configuration").change(tcli(lio, "saveconfig"))).build();
  }

  public static String saveconfig(List<IscsiTarget> targets, boolean redact) {
    List<Object> objects = new ArrayList<>();
    List<Object> tgts = new ArrayList<>();
    for (IscsiTarget t : targets) {
      List<Object> luns = new ArrayList<>();
      for (IscsiLun l : t.luns()) {
        Map<String, Object> so = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        l.queueDepth().ifPresent(q -> attrs.put("queue_depth", q));
        so.put("attributes", attrs);
        so.put("dev", dev(l));
        so.put("name", backstoreName(t, l));
        so.put("plugin", plugin(l));
        if (l.backing() != IscsiLun.Backing.FILE) so.put("readonly", l.readOnly());
        so.put("write_back", !l.directIo());
        l.serial().ifPresent(s -> so.put("wwn", s));
        objects.add(so);
        Map<String, Object> lun = new LinkedHashMap<>();
        lun.put("index", l.lun());
        lun.put("storage_object", "/backstores/" + plugin(l) + "/" + backstoreName(t, l));
        luns.add(lun);
      }
      Map<String, Object> tpg = new LinkedHashMap<>();
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("authentication", t.chap().isPresent() ? 1 : 0);
      attrs.put("generate_node_acls", t.allowAnyInitiator() ? 1 : 0);
      if (t.allowAnyInitiator()) {
        attrs.put("cache_dynamic_acls", 1);
        attrs.put("demo_mode_write_protect", t.luns().stream().allMatch(IscsiLun::readOnly) && !t.luns().isEmpty() ? 1 : 0);
      }
      t.maxQueueCmd().ifPresent(q -> attrs.put("default_cmdsn_depth", q));
      tpg.put("attributes", attrs);
      if (t.allowAnyInitiator()) chap(tpg, t, redact);
      tpg.put("enable", true);
      tpg.put("luns", luns);
      List<Object> acls = new ArrayList<>();
      for (String init : t.initiators()) {
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("attributes", Map.of());
        chap(acl, t, redact);
        List<Object> mapped = new ArrayList<>();
        for (IscsiLun l : t.luns()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("index", l.lun());
          m.put("tpg_lun", l.lun());
          m.put("write_protect", l.readOnly());
          mapped.add(m);
        }
        acl.put("mapped_luns", mapped);
        acl.put("node_wwn", init);
        acls.add(acl);
      }
      tpg.put("node_acls", acls);
      Map<String, Object> params = new LinkedHashMap<>();
      t.maxConnections().ifPresent(m -> params.put("MaxConnections", String.valueOf(m)));
      tpg.put("parameters", params);
      List<Object> portals = new ArrayList<>();
      List<IscsiPortal> ps = t.portals().isEmpty() ? List.of(IscsiPortal.of("0.0.0.0")) : t.portals();
      for (IscsiPortal portal : ps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip_address", portal.address());
        m.put("iser", false);
        m.put("offload", false);
        m.put("port", portal.port());
        portals.add(m);
      }
      tpg.put("portals", portals);
      tpg.put("tag", 1);
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("fabric", "iscsi");
      target.put("tpgs", List.of(tpg));
      target.put("wwn", t.iqn());
      tgts.add(target);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("fabric_modules", List.of());
    root.put("storage_objects", objects);
    root.put("targets", tgts);
    return Json.write(root);
  }

  private static void chap(Map<String, Object> m, IscsiTarget t, boolean redact) {
    if (t.chap().isEmpty()) return;
    ChapCredentials c = t.chap().get();
    m.put("chap_password", redact ? MASK : c.secret());
    m.put("chap_userid", c.user());
    t.mutualChap().ifPresent(mc -> {
      m.put("chap_mutual_password", redact ? MASK : mc.secret());
      m.put("chap_mutual_userid", mc.user());
    });
  }
}
