package io.kvmsdk.network.internal;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Probe;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.network.BondSpec;
import io.kvmsdk.network.BridgePort;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.internal.OvsTables.Row;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.ovs.OvsMirror;
import io.kvmsdk.network.ovs.OvsSflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The plan of an Open vSwitch {@link BridgeSpec}: ovs-vsctl for the database (bridge, ports,
 * bonds, VLANs, STP, fail mode, controllers, MTU requests, mirrors, sFlow), judged on one
 * {@link OvsTables#read}; {@code ip} for what the switch leaves to the kernel (up flags,
 * addresses), judged on one {@link LinkTable#READ}. A bridge that ovs-vswitchd could not set up
 * (a {@code system} datapath without the kernel module: {@code add-br} prints an error yet exits 0)
 * fails the plan at the step that waits for the bridge's local port.
 */
public final class OvsBridgePlan {
  /** OpenFlow's local port, the bridge's own interface once ovs-vswitchd made it. */
  static final String LOCAL_PORT = "65534";

  private OvsBridgePlan() {}

  private static Probe probe(OvsDb db, String expectation, Predicate<OvsTables> test) {
    return Probe.of(OvsTables.read(db), expectation, out -> test.test(OvsTables.of(out)));
  }

  private static HostCommand vsctl(OvsDb db, List<String> args) { return db.vsctl(args); }

  public static Plan plan(BridgeSpec br, OvsDb db) {
    String n = br.name();
    Plan.Builder p = Plan.builder();
    List<String> add = new ArrayList<>(List.of("--may-exist", "add-br", n));
    br.datapathType().ifPresent(d -> add.addAll(List.of("--", "set", "Bridge", n, "datapath_type=" + d)));
    p.step(Step.builder("create OVS bridge " + n)
        .probe(probe(db, "bridge " + n + " exists", t -> t.named("Bridge", n).isPresent()))
        .check(db.vsctl("br-exists", n))
        .change(vsctl(db, add))
        .undo(db.vsctl("--if-exists", "del-br", n))
        .build());
    br.datapathType().ifPresent(d -> p.step(Step.builder("datapath " + d + " for " + n)
        .probe(probe(db, n + " has datapath_type " + d, t -> t.named("Bridge", n).map(b -> b.text("datapath_type").equals(d)).orElse(false)))
        .change(db.vsctl("set", "Bridge", n, "datapath_type=" + d))
        .build()));
    p.step(Step.builder("wait until ovs-vswitchd has set up bridge " + n + " (add-br exits 0 even when it could not;"
        + " without the openvswitch kernel module only datapath_type=netdev works)")
        .probe(probe(db, n + "'s local port has ofport " + LOCAL_PORT, t -> t.named("Interface", n).map(i -> i.text("ofport").equals(LOCAL_PORT)).orElse(false)))
        .change(db.vsctl("wait-until", "Interface", n, "ofport=" + LOCAL_PORT))
        .build());
    br.failMode().ifPresent(f -> p.step(Step.builder("fail mode " + f + " on " + n)
        .probe(probe(db, n + " has fail_mode " + f, t -> t.named("Bridge", n).map(b -> b.text("fail_mode").equals(f)).orElse(false)))
        .change(db.vsctl("set-fail-mode", n, f))
        .build()));
    p.step(stp(br, db));
    if (!br.controllers().isEmpty()) {
      List<String> args = new ArrayList<>(List.of("set-controller", n));
      args.addAll(br.controllers());
      p.step(Step.builder("controllers " + br.controllers() + " on " + n)
          .probe(probe(db, n + " has controllers " + br.controllers(), t -> t.named("Bridge", n).map(b -> {
            Set<String> have = new HashSet<>();
            for (Object u : b.list("controller")) t.byUuid("Controller", String.valueOf(u)).ifPresent(c -> have.add(c.text("target")));
            return have.equals(new HashSet<>(br.controllers()));
          }).orElse(false)))
          .change(vsctl(db, args))
          .undo(db.vsctl("del-controller", n))
          .build());
    }
    for (BridgePort port : br.ports()) {
      p.step(addPort(br, port, db));
      p.step(portVlans(port.name(), port.tag(), port.trunks(), port.nativeVlan(), db));
      if (port.bpduFilter()) {
        p.step(Step.builder("BPDU filter on " + port.name() + " (no STP on the port)")
            .probe(probe(db, port.name() + " has other_config:stp-enable=false",
                t -> t.named("Port", port.name()).map(r -> "false".equals(r.map("other_config").get("stp-enable"))).orElse(false)))
            .change(db.vsctl("set", "Port", port.name(), "other_config:stp-enable=false"))
            .build());
      }
    }
    for (BondSpec bond : br.bonds()) {
      p.step(addBond(br, bond, db));
      p.step(bondSettings(bond, db));
    }
    // MTU requests: ports first, then the bridge
    for (BridgePort port : br.ports()) br.mtuOf(port).ifPresent(m -> p.step(mtu(port.name(), m, db)));
    for (BondSpec bond : br.bonds()) {
      Optional<Integer> m = bond.mtu().or(br::mtu);
      m.ifPresent(v -> bond.members().forEach(member -> p.step(mtu(member, v, db))));
    }
    br.mtu().ifPresent(m -> p.step(mtu(n, m, db)));
    p.step(mirrors(br, db));
    p.step(sflow(br, db));
    // ovs-vswitchd sets a netdev port's MTU but not its up flag: the kernel side is ip's
    for (BridgePort port : br.ports()) p.step(LinuxSteps.up(port.name()));
    for (BondSpec bond : br.bonds()) bond.members().forEach(m -> p.step(LinuxSteps.up(m)));
    for (String a : br.addresses()) p.step(LinuxSteps.address(n, a));
    p.step(LinuxSteps.up(n));
    return p.build();
  }

  public static Plan removal(BridgeSpec br, OvsDb db) {
    return Plan.of(Step.builder("delete OVS bridge " + br.name() + " (its ports, bonds, mirrors and sFlow go with it)")
        .probe(probe(db, "bridge " + br.name() + " is gone", t -> t.named("Bridge", br.name()).isEmpty()))
        .change(db.vsctl("--if-exists", "del-br", br.name()))
        .build());
  }

  private static Step stp(BridgeSpec br, OvsDb db) {
    String n = br.name();
    Map<String, String> oc = new java.util.LinkedHashMap<>();
    br.stpPriority().ifPresent(v -> oc.put("stp-priority", String.valueOf(v)));
    br.helloTime().ifPresent(v -> oc.put("stp-hello-time", String.valueOf(v)));
    br.maxAge().ifPresent(v -> oc.put("stp-max-age", String.valueOf(v)));
    br.forwardDelay().ifPresent(v -> oc.put("stp-forward-delay", String.valueOf(v)));
    List<String> args = new ArrayList<>(List.of("set", "Bridge", n, "stp_enable=" + br.stp()));
    oc.forEach((k, v) -> args.add("other_config:" + k + "=" + v));
    return Step.builder("STP " + (br.stp() ? "on" : "off") + " on " + n + (oc.isEmpty() ? "" : " " + oc))
        .probe(probe(db, n + " has stp_enable=" + br.stp() + (oc.isEmpty() ? "" : " and " + oc), t -> t.named("Bridge", n).map(b -> {
          if (!b.text("stp_enable").equals(String.valueOf(br.stp()))) return false;
          Map<String, String> have = b.map("other_config");
          return oc.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
        }).orElse(false)))
        .change(vsctl(db, args))
        .build();
  }

  private static Step addPort(BridgeSpec br, BridgePort port, OvsDb db) {
    String n = br.name();
    List<String> args = new ArrayList<>(List.of("--may-exist", "add-port", n, port.name()));
    if (port.internal()) args.addAll(List.of("--", "set", "Interface", port.name(), "type=internal"));
    return Step.builder("add " + (port.internal() ? "internal " : "") + "port " + port.name() + " to " + n)
        .probe(probe(db, port.name() + " is a port of " + n, t -> t.portsOf(n).contains(port.name())))
        .change(vsctl(db, args))
        .undo(db.vsctl("--if-exists", "del-port", n, port.name()))
        .build();
  }

  /** Access tag, trunks and VLAN mode of a port, cleared when the spec has none. */
  static Step portVlans(String port, Optional<Integer> tag, List<Integer> trunks, Optional<Integer> nativeVlan, OvsDb db) {
    Optional<Integer> wantTag = tag.or(() -> nativeVlan);
    String wantMode = nativeVlan.isPresent() ? "native-untagged" : "";
    List<String> args = new ArrayList<>();
    List<String> clear = new ArrayList<>();
    if (wantTag.isPresent()) args.add("tag=" + wantTag.get()); else clear.add("tag");
    if (!trunks.isEmpty()) args.add("trunks=" + trunks.stream().map(String::valueOf).collect(Collectors.joining(","))); else clear.add("trunks");
    if (!wantMode.isEmpty()) args.add("vlan_mode=" + wantMode); else clear.add("vlan_mode");
    List<String> cmd = new ArrayList<>();
    if (!args.isEmpty()) {
      cmd.addAll(List.of("set", "Port", port));
      cmd.addAll(args);
    }
    if (!clear.isEmpty()) {
      if (!cmd.isEmpty()) cmd.add("--");
      cmd.addAll(List.of("clear", "Port", port));
      cmd.addAll(clear);
    }
    String what = wantTag.map(t -> "tag " + t).orElse("no tag") + (trunks.isEmpty() ? "" : ", trunks " + trunks) + (wantMode.isEmpty() ? "" : ", " + wantMode);
    Set<Long> wantTrunks = trunks.stream().map(Integer::longValue).collect(Collectors.toSet());
    return Step.builder("VLANs of port " + port + ": " + what)
        .probe(probe(db, port + " has " + what, t -> t.named("Port", port).map(r -> {
          // a trunk that is not a number (not ovs-vsctl's output) is kept as it is: it never equals a wanted VLAN id
          Set<Object> have = r.list("trunks").stream().map(o -> o instanceof Number x ? (Object) x.longValue() : String.valueOf(o)).collect(Collectors.toSet());
          return r.text("tag").equals(wantTag.map(String::valueOf).orElse("")) && have.equals(wantTrunks) && r.text("vlan_mode").equals(wantMode);
        }).orElse(false)))
        .change(vsctl(db, cmd))
        .build();
  }

  private static Step addBond(BridgeSpec br, BondSpec bond, OvsDb db) {
    List<String> args = new ArrayList<>(List.of("--may-exist", "add-bond", br.name(), bond.name()));
    args.addAll(bond.members());
    return Step.builder("add bond " + bond.name() + " " + bond.members() + " to " + br.name())
        .probe(probe(db, bond.name() + " is a port of " + br.name() + " bonding " + bond.members(),
            t -> t.portsOf(br.name()).contains(bond.name()) && new HashSet<>(t.interfacesOf(bond.name())).equals(new HashSet<>(bond.members()))))
        .change(vsctl(db, args))
        .undo(db.vsctl("--if-exists", "del-port", br.name(), bond.name()))
        .build();
  }

  private static Step bondSettings(BondSpec bond, OvsDb db) {
    String b = bond.name();
    Map<String, String> cols = new java.util.LinkedHashMap<>();
    cols.put("bond_mode", bond.mode());
    cols.put("lacp", bond.lacp().orElse("off"));
    bond.updelay().ifPresent(v -> cols.put("bond_updelay", String.valueOf(v)));
    bond.downdelay().ifPresent(v -> cols.put("bond_downdelay", String.valueOf(v)));
    Map<String, String> oc = new java.util.LinkedHashMap<>();
    bond.lacpRate().ifPresent(r -> oc.put("lacp-time", r));
    bond.miimon().ifPresent(m -> {
      oc.put("bond-detect-mode", "miimon");
      oc.put("bond-miimon-interval", String.valueOf(m));
    });
    List<String> args = new ArrayList<>(List.of("set", "Port", b));
    cols.forEach((k, v) -> args.add(k + "=" + v));
    oc.forEach((k, v) -> args.add("other_config:" + k + "=" + v));
    return Step.builder("settings of bond " + b + ": " + cols + (oc.isEmpty() ? "" : " " + oc))
        .probe(probe(db, b + " has " + cols + oc, t -> t.named("Port", b).map(r -> {
          for (Map.Entry<String, String> e : cols.entrySet()) if (!r.text(e.getKey()).equals(e.getValue())) return false;
          Map<String, String> have = r.map("other_config");
          return oc.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
        }).orElse(false)))
        .change(vsctl(db, args))
        .build();
  }

  private static Step mtu(String iface, int mtu, OvsDb db) {
    return Step.builder("MTU " + mtu + " on " + iface)
        .probe(probe(db, iface + " has mtu_request " + mtu, t -> t.named("Interface", iface).map(i -> i.text("mtu_request").equals(String.valueOf(mtu))).orElse(false)))
        .change(db.vsctl("set", "Interface", iface, "mtu_request=" + mtu))
        .build();
  }

  private static Step mirrors(BridgeSpec br, OvsDb db) {
    String n = br.name();
    List<String> args = new ArrayList<>(List.of("clear", "Bridge", n, "mirrors"));
    int id = 0;
    for (OvsMirror m : br.mirrors()) {
      Map<String, String> refs = new HashMap<>();
      for (String port : m.ports()) {
        if (refs.containsKey(port)) continue;
        String ref = "@p" + (++id);
        refs.put(port, ref);
        args.addAll(List.of("--", "--id=" + ref, "get", "Port", port));
      }
      String mref = "@m" + (++id);
      List<String> create = new ArrayList<>(List.of("--", "--id=" + mref, "create", "Mirror", "name=" + m.name()));
      if (m.selectAll()) create.add("select_all=true");
      if (!m.selectSrcPorts().isEmpty()) create.add("select_src_port=" + m.selectSrcPorts().stream().map(refs::get).collect(Collectors.joining(",")));
      if (!m.selectDstPorts().isEmpty()) create.add("select_dst_port=" + m.selectDstPorts().stream().map(refs::get).collect(Collectors.joining(",")));
      create.add("output_port=" + refs.get(m.outputPort()));
      args.addAll(create);
      args.addAll(List.of("--", "add", "Bridge", n, "mirrors", mref));
    }
    String what = br.mirrors().isEmpty() ? "no mirrors" : "mirrors " + br.mirrors().stream().map(OvsMirror::name).toList();
    return Step.builder(what + " on " + n)
        .probe(probe(db, n + " has " + what, t -> t.named("Bridge", n).map(b -> {
          List<Row> have = new ArrayList<>();
          for (Object u : b.list("mirrors")) t.byUuid("Mirror", String.valueOf(u)).ifPresent(have::add);
          if (have.size() != br.mirrors().size()) return false;
          for (OvsMirror m : br.mirrors()) {
            Optional<Row> r = have.stream().filter(x -> x.text("name").equals(m.name())).findFirst();
            if (r.isEmpty()) return false;
            if (!new HashSet<>(t.portNames(r.get(), "select_src_port")).equals(new HashSet<>(m.selectSrcPorts()))) return false;
            if (!new HashSet<>(t.portNames(r.get(), "select_dst_port")).equals(new HashSet<>(m.selectDstPorts()))) return false;
            if (!t.portNames(r.get(), "output_port").equals(List.of(m.outputPort()))) return false;
            if (!r.get().text("select_all").equals(String.valueOf(m.selectAll()))) return false;
          }
          return true;
        }).orElse(false)))
        .change(vsctl(db, args))
        .build();
  }

  private static Step sflow(BridgeSpec br, OvsDb db) {
    String n = br.name();
    if (br.sflow().isEmpty()) {
      return Step.builder("no sFlow on " + n)
          .probe(probe(db, n + " has no sflow", t -> t.named("Bridge", n).map(b -> b.list("sflow").isEmpty()).orElse(false)))
          .change(db.vsctl("clear", "Bridge", n, "sflow"))
          .build();
    }
    OvsSflow s = br.sflow().get();
    List<String> args = List.of("--", "--id=@s", "create", "sFlow", "agent=" + s.agent(),
        "targets=" + s.targets().stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(",")),
        "sampling=" + s.sampling(), "polling=" + s.polling(), "header=" + s.header(), "--", "set", "Bridge", n, "sflow=@s");
    return Step.builder("sFlow 1 in " + s.sampling() + " to " + s.targets() + " on " + n)
        .probe(probe(db, n + " samples 1 in " + s.sampling() + " to " + s.targets(), t -> t.named("Bridge", n).flatMap(b -> {
          List<Object> u = b.list("sflow");
          return u.isEmpty() ? Optional.empty() : t.byUuid("sFlow", String.valueOf(u.get(0)));
        }).map(r -> r.text("agent").equals(s.agent()) && r.text("sampling").equals(String.valueOf(s.sampling()))
            && r.text("polling").equals(String.valueOf(s.polling())) && r.text("header").equals(String.valueOf(s.header()))
            && new HashSet<>(r.list("targets").stream().map(String::valueOf).toList()).equals(new HashSet<>(s.targets()))).orElse(false)))
        .change(vsctl(db, args))
        .build();
  }
}
