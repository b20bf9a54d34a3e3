package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.pacemaker.Clone;
import io.kvmsdk.ha.pacemaker.ClusterSpec;
import io.kvmsdk.ha.pacemaker.Group;
import io.kvmsdk.ha.pacemaker.NvPair;
import io.kvmsdk.ha.pacemaker.NvSet;
import io.kvmsdk.ha.pacemaker.Op;
import io.kvmsdk.ha.pacemaker.Primitive;
import io.kvmsdk.ha.pacemaker.RscColocation;
import io.kvmsdk.ha.pacemaker.RscLocation;
import io.kvmsdk.ha.pacemaker.RscOrder;
import io.kvmsdk.ha.pacemaker.StonithDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a {@link ClusterSpec} to {@code pcs} commands (pcs 0.11): one step per object, each
 * skipped when {@code cibadmin --query --xpath} finds it already, undone by deleting it.
 */
public final class PcsPlanner {
  private static final Duration PCS_TIMEOUT = Duration.ofMinutes(2);

  private final Optional<String> file;

  private PcsPlanner(Optional<String> file) { this.file = file; }

  public static Plan plan(ClusterSpec c, Optional<String> cibFile) { return new PcsPlanner(cibFile).build(c); }

  private Plan build(ClusterSpec c) {
    Plan.Builder plan = Plan.builder();
    Map<String, String> props = new LinkedHashMap<>();
    if (c.stonithDisabledReason().isPresent()) props.put("stonith-enabled", "false");
    props.putAll(c.properties());
    if (!props.isEmpty()) {
      List<String> conds = new ArrayList<>();
      List<String> args = new ArrayList<>(List.of("property", "set"));
      props.forEach((k, v) -> {
        conds.add("cluster_property_set/nvpair[@name=" + literal(k) + " and @value=" + literal(v) + "]");
        args.add(k + "=" + v);
      });
      String why = c.stonithDisabledReason().map(r -> " (fencing off: " + r + ")").orElse("");
      plan.step(Step.builder("set cluster properties " + String.join(", ", props.keySet()) + why)
          .check(query("/cib/configuration/crm_config[" + String.join(" and ", conds) + "]"))
          .change(pcs(args)));
    }
    for (StonithDevice s : c.stonithDevices()) {
      Primitive p = s.toPrimitive();
      List<String> args = new ArrayList<>(List.of("stonith", "create", s.id(), s.agent()));
      args.addAll(params(p));
      args.addAll(ops(p));
      plan.step(created("create fencing device " + s.id(), "primitive", s.id(), args, List.of("stonith", "delete", s.id())));
    }
    for (Primitive p : c.primitives()) plan.step(createPrimitive(p, List.of()));
    for (Group g : c.groups()) groupSteps(plan, g);
    for (Clone cl : c.clones()) {
      String id = cl.id().orElseThrow();
      List<String> opts = cloneOptions(cl);
      if (cl.primitive().isPresent()) {
        List<String> tail = new ArrayList<>();
        tail.add(cl.promotable() ? "promotable" : "clone");
        tail.add(id);
        tail.addAll(opts);
        Primitive p = cl.primitive().get();
        plan.step(createPrimitive(p, tail).toBuilder().description("create " + (cl.promotable() ? "promotable clone " : "clone ") + id + " of " + p.id().orElseThrow()).build());
      } else {
        Group g = cl.group().orElseThrow();
        groupSteps(plan, g);
        List<String> args = new ArrayList<>(List.of("resource", cl.promotable() ? "promotable" : "clone", g.id().orElseThrow(), id));
        args.addAll(opts);
        plan.step(created("clone group " + g.id().get() + " as " + id, "clone", id, args, List.of("resource", "unclone", id)));
      }
    }
    for (RscLocation l : c.locations()) {
      if (l.role().isPresent() || l.rscPattern().isPresent() || l.node().isEmpty() || !l.unmodeled().isEmpty()) {
        throw new InvalidSpecException("rsc_location " + l.id().orElse("?"), "pcsPlan writes node locations only (no role, pattern or rule)");
      }
      List<String> args = List.of("constraint", "location", "add", l.id().get(), l.rsc().get(), l.node().get(), l.score().orElse("INFINITY"));
      plan.step(created("place " + l.rsc().get() + " on " + l.node().get() + " (" + l.score().orElse("INFINITY") + ")", "rsc_location", l.id().get(), args,
          List.of("constraint", "delete", l.id().get())));
    }
    for (RscColocation k : c.colocations()) {
      List<String> args = new ArrayList<>(List.of("constraint", "colocation", "add"));
      k.rscRole().ifPresent(args::add);
      args.add(k.rsc().get());
      args.add("with");
      k.withRscRole().ifPresent(args::add);
      args.add(k.withRsc().get());
      args.add(k.score().orElse("INFINITY"));
      args.add("id=" + k.id().get());
      plan.step(created("colocate " + k.rsc().get() + " with " + k.withRsc().get(), "rsc_colocation", k.id().get(), args,
          List.of("constraint", "delete", k.id().get())));
    }
    for (RscOrder o : c.orders()) {
      List<String> args = new ArrayList<>(List.of("constraint", "order"));
      o.firstAction().ifPresent(args::add);
      args.add(o.first().get());
      args.add("then");
      o.thenAction().ifPresent(args::add);
      args.add(o.then().get());
      o.kind().ifPresent(v -> args.add("kind=" + v));
      o.symmetrical().ifPresent(v -> args.add("symmetrical=" + v));
      args.add("id=" + o.id().get());
      plan.step(created("start " + o.then().get() + " after " + o.first().get(), "rsc_order", o.id().get(), args,
          List.of("constraint", "delete", o.id().get())));
    }
    if (file.isEmpty()) {
      for (StonithDevice s : c.stonithDevices()) s.allSecrets().forEach((k, v) -> plan.step(cibsecret(s.id(), k, v)));
      List<Primitive> all = new ArrayList<>(c.primitives());
      c.groups().forEach(g -> all.addAll(g.primitives()));
      for (Clone cl : c.clones()) {
        cl.primitive().ifPresent(all::add);
        cl.group().ifPresent(g -> all.addAll(g.primitives()));
      }
      for (Primitive p : all) CibCodecs.secrets(p).forEach((k, v) -> plan.step(cibsecret(p.id().orElseThrow(), k, v)));
    }
    return plan.build();
  }

  /** {@code cibsecret set RSC PARAM VALUE}, the value an {@link Arg#secret}: shown as {@code ****}. */
  private static Step cibsecret(String rsc, String param, String value) {
    return Step.builder("store the " + param + " of " + rsc + " with cibsecret (the CIB keeps lrm://)")
        .check(HostCommand.of("cibsecret", "get", rsc, param))
        .change(HostCommand.builder().args("cibsecret", "set", rsc, param).arg(Arg.secret(value)).timeout(PCS_TIMEOUT).build())
        .build();
  }

  private void groupSteps(Plan.Builder plan, Group g) {
    String gid = g.id().orElseThrow();
    for (Primitive p : g.primitives()) plan.step(createPrimitive(p, List.of("--group", gid)));
    List<String> meta = pairs(g.metaAttributes());
    if (!meta.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("resource", "meta", gid));
      args.addAll(meta);
      List<String> conds = new ArrayList<>();
      for (NvSet s : g.metaAttributes()) {
        for (NvPair p : s.nvpairs()) conds.add("meta_attributes/nvpair[@name=" + literal(p.name().orElseThrow()) + " and @value=" + literal(p.value().orElse("")) + "]");
      }
      plan.step(Step.builder("set meta attributes of group " + gid)
          .check(query("/cib/configuration/resources//group[@id=" + literal(gid) + " and " + String.join(" and ", conds) + "]"))
          .change(pcs(args)));
    }
  }

  private Step createPrimitive(Primitive withSecrets, List<String> tail) {
    Primitive p = CibCodecs.withSecrets(withSecrets, "lrm://");
    String id = p.id().orElseThrow();
    List<String> args = new ArrayList<>(List.of("resource", "create", id, p.agent()));
    args.addAll(params(p));
    args.add("--no-default-ops");
    List<String> meta = pairs(p.metaAttributes());
    if (!meta.isEmpty()) {
      args.add("meta");
      args.addAll(meta);
    }
    args.addAll(ops(p));
    args.addAll(tail);
    return created("create " + p.type().orElse("resource") + " " + id, "primitive", id, args, List.of("resource", "delete", id));
  }

  private static List<String> params(Primitive p) {
    List<String> out = pairs(p.instanceAttributes());
    if (p.instanceAttributes().size() > 1) throw new InvalidSpecException("primitive " + p.id().orElse("?") + "/instance_attributes", "pcsPlan writes one instance_attributes set");
    return out;
  }

  private static List<String> pairs(List<NvSet> sets) {
    List<String> out = new ArrayList<>();
    for (NvSet s : sets) {
      if (!s.unmodeled().isEmpty()) throw new InvalidSpecException(s.id().orElse("nvset"), "pcsPlan cannot write a set with a rule");
      for (NvPair p : s.nvpairs()) out.add(p.name().orElseThrow() + "=" + p.value().orElse(""));
    }
    return out;
  }

  private static List<String> ops(Primitive p) {
    List<String> out = new ArrayList<>();
    for (Op o : p.operations().map(x -> x.ops()).orElse(List.of())) {
      out.add("op");
      out.add(o.name().orElseThrow());
      o.interval().ifPresent(v -> out.add("interval=" + v));
      o.timeout().ifPresent(v -> out.add("timeout=" + v));
      o.role().ifPresent(v -> out.add("role=" + v));
      o.onFail().ifPresent(v -> out.add("on-fail=" + v));
      o.id().ifPresent(v -> out.add("id=" + v));
    }
    return out;
  }

  private static List<String> cloneOptions(Clone cl) {
    List<String> out = new ArrayList<>();
    for (NvSet s : cl.metaAttributes()) {
      for (NvPair p : s.nvpairs()) {
        if (p.name().equals(Optional.of("promotable"))) continue; // pcs's "promotable" keyword sets it
        out.add(p.name().orElseThrow() + "=" + p.value().orElse(""));
      }
    }
    return out;
  }

  private Step created(String what, String element, String id, List<String> create, List<String> delete) {
    return Step.builder(what)
        .check(query("/cib/configuration//" + element + "[@id=" + literal(id) + "]"))
        .change(pcs(create))
        .undo(pcs(delete))
        .build();
  }

  private HostCommand pcs(List<String> args) {
    HostCommand.Builder b = HostCommand.builder().arg("pcs");
    file.ifPresent(f -> b.args("-f", f));
    return b.args(args).timeout(PCS_TIMEOUT).build();
  }

  /** {@code cibadmin --query --xpath X}: exit 0 when the CIB has a match, 105 when not. */
  private HostCommand query(String xpath) {
    HostCommand.Builder b = HostCommand.builder().args("cibadmin", "--query", "--xpath", xpath);
    file.ifPresent(f -> b.env("CIB_file", f));
    return b.build();
  }

  /** {@code s} as an XPath 1.0 string literal. */
  static String literal(String s) {
    if (s.indexOf('\'') < 0) return "'" + s + "'";
    if (s.indexOf('"') < 0) return "\"" + s + "\"";
    StringBuilder sb = new StringBuilder("concat(");
    String[] parts = s.split("'", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append(", \"'\", ");
      sb.append('\'').append(parts[i]).append('\'');
    }
    return sb.append(')').toString();
  }
}
