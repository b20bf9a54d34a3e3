package io.kvmsdk.ha.internal;

import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.ha.pacemaker.Cib;
import io.kvmsdk.ha.pacemaker.CibConfiguration;
import io.kvmsdk.ha.pacemaker.CibConstraints;
import io.kvmsdk.ha.pacemaker.CibDefaults;
import io.kvmsdk.ha.pacemaker.CibNode;
import io.kvmsdk.ha.pacemaker.CibNodes;
import io.kvmsdk.ha.pacemaker.CibResources;
import io.kvmsdk.ha.pacemaker.Clone;
import io.kvmsdk.ha.pacemaker.CrmConfig;
import io.kvmsdk.ha.pacemaker.Group;
import io.kvmsdk.ha.pacemaker.NvPair;
import io.kvmsdk.ha.pacemaker.NvSet;
import io.kvmsdk.ha.pacemaker.Op;
import io.kvmsdk.ha.pacemaker.Operations;
import io.kvmsdk.ha.pacemaker.Primitive;
import io.kvmsdk.ha.pacemaker.RscColocation;
import io.kvmsdk.ha.pacemaker.RscLocation;
import io.kvmsdk.ha.pacemaker.RscOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The CIB's element mapping: one line per attribute or child, in the order Pacemaker writes them. */
public final class CibCodecs {
  private CibCodecs() {}

  static final ElementCodec<NvPair, NvPair.Builder> NVPAIR =
      ElementCodec.of("nvpair", NvPair.Builder::new, NvPair.Builder::build, NvPair::unmodeled, NvPair.Builder::unmodeled)
          .attr("id", NvPair::id, NvPair.Builder::id)
          .attr("id-ref", NvPair::idRef, NvPair.Builder::idRef)
          .attr("name", NvPair::name, NvPair.Builder::name)
          .attr("value", NvPair::value, NvPair.Builder::value);

  static ElementCodec<NvSet, NvSet.Builder> nvset(String element) {
    return ElementCodec.of(element, NvSet.Builder::new, NvSet.Builder::build, NvSet::unmodeled, NvSet.Builder::unmodeled)
        .attr("id", NvSet::id, NvSet.Builder::id)
        .attr("id-ref", NvSet::idRef, NvSet.Builder::idRef)
        .attr("score", NvSet::score, NvSet.Builder::score)
        .list("nvpair", NVPAIR, NvSet::nvpairs, NvSet.Builder::nvpairs);
  }

  static final ElementCodec<NvSet, NvSet.Builder> INSTANCE_ATTRIBUTES = nvset("instance_attributes");
  static final ElementCodec<NvSet, NvSet.Builder> META_ATTRIBUTES = nvset("meta_attributes");
  static final ElementCodec<NvSet, NvSet.Builder> CLUSTER_PROPERTY_SET = nvset("cluster_property_set");

  static final ElementCodec<Op, Op.Builder> OP =
      ElementCodec.of("op", Op.Builder::new, Op.Builder::build, Op::unmodeled, Op.Builder::unmodeled)
          .attr("id", Op::id, Op.Builder::id)
          .attr("name", Op::name, Op.Builder::name)
          .attr("interval", Op::interval, Op.Builder::interval)
          .attr("timeout", Op::timeout, Op.Builder::timeout)
          .attr("role", Op::role, Op.Builder::role)
          .attr("on-fail", Op::onFail, Op.Builder::onFail);

  static final ElementCodec<Operations, Operations.Builder> OPERATIONS =
      ElementCodec.of("operations", Operations.Builder::new, Operations.Builder::build, Operations::unmodeled, Operations.Builder::unmodeled)
          .list("op", OP, Operations::ops, Operations.Builder::ops);

  static final ElementCodec<Primitive, Primitive.Builder> PRIMITIVE =
      ElementCodec.of("primitive", Primitive.Builder::new, Primitive.Builder::build, Primitive::unmodeled, Primitive.Builder::unmodeled)
          .attr("id", Primitive::id, Primitive.Builder::id)
          .attr("class", Primitive::resourceClass, Primitive.Builder::resourceClass)
          .attr("provider", Primitive::provider, Primitive.Builder::provider)
          .attr("type", Primitive::type, Primitive.Builder::type)
          .attr("description", Primitive::description, Primitive.Builder::description)
          .list("instance_attributes", INSTANCE_ATTRIBUTES, Primitive::instanceAttributes, Primitive.Builder::instanceAttributes)
          .list("meta_attributes", META_ATTRIBUTES, Primitive::metaAttributes, Primitive.Builder::metaAttributes)
          .child("operations", OPERATIONS, Primitive::operations, Primitive.Builder::operations);

  static final ElementCodec<Group, Group.Builder> GROUP =
      ElementCodec.of("group", Group.Builder::new, Group.Builder::build, Group::unmodeled, Group.Builder::unmodeled)
          .attr("id", Group::id, Group.Builder::id)
          .attr("description", Group::description, Group.Builder::description)
          .list("meta_attributes", META_ATTRIBUTES, Group::metaAttributes, Group.Builder::metaAttributes)
          .list("primitive", PRIMITIVE, Group::primitives, Group.Builder::primitives);

  static final ElementCodec<Clone, Clone.Builder> CLONE =
      ElementCodec.of("clone", Clone.Builder::new, Clone.Builder::build, Clone::unmodeled, Clone.Builder::unmodeled)
          .attr("id", Clone::id, Clone.Builder::id)
          .attr("description", Clone::description, Clone.Builder::description)
          .child("primitive", PRIMITIVE, Clone::primitive, Clone.Builder::primitive)
          .child("group", GROUP, Clone::group, Clone.Builder::group)
          .list("meta_attributes", META_ATTRIBUTES, Clone::metaAttributes, Clone.Builder::metaAttributes);

  static final ElementCodec<CibResources, CibResources.Builder> RESOURCES =
      ElementCodec.of("resources", CibResources.Builder::new, CibResources.Builder::build, CibResources::unmodeled, CibResources.Builder::unmodeled)
          .list("primitive", PRIMITIVE, CibResources::primitives, CibResources.Builder::primitives)
          .list("group", GROUP, CibResources::groups, CibResources.Builder::groups)
          .list("clone", CLONE, CibResources::clones, CibResources.Builder::clones);

  static final ElementCodec<CibNode, CibNode.Builder> NODE =
      ElementCodec.of("node", CibNode.Builder::new, CibNode.Builder::build, CibNode::unmodeled, CibNode.Builder::unmodeled)
          .attr("id", CibNode::id, CibNode.Builder::id)
          .attr("uname", CibNode::uname, CibNode.Builder::uname)
          .attr("type", CibNode::type, CibNode.Builder::type)
          .list("instance_attributes", INSTANCE_ATTRIBUTES, CibNode::instanceAttributes, CibNode.Builder::instanceAttributes);

  static final ElementCodec<CibNodes, CibNodes.Builder> NODES =
      ElementCodec.of("nodes", CibNodes.Builder::new, CibNodes.Builder::build, CibNodes::unmodeled, CibNodes.Builder::unmodeled)
          .list("node", NODE, CibNodes::nodes, CibNodes.Builder::nodes);

  static final ElementCodec<CrmConfig, CrmConfig.Builder> CRM_CONFIG =
      ElementCodec.of("crm_config", CrmConfig.Builder::new, CrmConfig.Builder::build, CrmConfig::unmodeled, CrmConfig.Builder::unmodeled)
          .list("cluster_property_set", CLUSTER_PROPERTY_SET, CrmConfig::clusterPropertySets, CrmConfig.Builder::clusterPropertySets);

  static final ElementCodec<RscLocation, RscLocation.Builder> LOCATION =
      ElementCodec.of("rsc_location", RscLocation.Builder::new, RscLocation.Builder::build, RscLocation::unmodeled, RscLocation.Builder::unmodeled)
          .attr("id", RscLocation::id, RscLocation.Builder::id)
          .attr("rsc", RscLocation::rsc, RscLocation.Builder::rsc)
          .attr("rsc-pattern", RscLocation::rscPattern, RscLocation.Builder::rscPattern)
          .attr("node", RscLocation::node, RscLocation.Builder::node)
          .attr("score", RscLocation::score, RscLocation.Builder::score)
          .attr("role", RscLocation::role, RscLocation.Builder::role);

  static final ElementCodec<RscColocation, RscColocation.Builder> COLOCATION =
      ElementCodec.of("rsc_colocation", RscColocation.Builder::new, RscColocation.Builder::build, RscColocation::unmodeled, RscColocation.Builder::unmodeled)
          .attr("id", RscColocation::id, RscColocation.Builder::id)
          .attr("rsc", RscColocation::rsc, RscColocation.Builder::rsc)
          .attr("with-rsc", RscColocation::withRsc, RscColocation.Builder::withRsc)
          .attr("score", RscColocation::score, RscColocation.Builder::score)
          .attr("rsc-role", RscColocation::rscRole, RscColocation.Builder::rscRole)
          .attr("with-rsc-role", RscColocation::withRscRole, RscColocation.Builder::withRscRole);

  static final ElementCodec<RscOrder, RscOrder.Builder> ORDER =
      ElementCodec.of("rsc_order", RscOrder.Builder::new, RscOrder.Builder::build, RscOrder::unmodeled, RscOrder.Builder::unmodeled)
          .attr("id", RscOrder::id, RscOrder.Builder::id)
          .attr("first", RscOrder::first, RscOrder.Builder::first)
          .attr("then", RscOrder::then, RscOrder.Builder::then)
          .attr("first-action", RscOrder::firstAction, RscOrder.Builder::firstAction)
          .attr("then-action", RscOrder::thenAction, RscOrder.Builder::thenAction)
          .attr("kind", RscOrder::kind, RscOrder.Builder::kind)
          .attr("symmetrical", RscOrder::symmetrical, RscOrder.Builder::symmetrical)
          .attr("score", RscOrder::score, RscOrder.Builder::score);

  static final ElementCodec<CibConstraints, CibConstraints.Builder> CONSTRAINTS =
      ElementCodec.of("constraints", CibConstraints.Builder::new, CibConstraints.Builder::build, CibConstraints::unmodeled, CibConstraints.Builder::unmodeled)
          .list("rsc_location", LOCATION, CibConstraints::locations, CibConstraints.Builder::locations)
          .list("rsc_colocation", COLOCATION, CibConstraints::colocations, CibConstraints.Builder::colocations)
          .list("rsc_order", ORDER, CibConstraints::orders, CibConstraints.Builder::orders);

  static ElementCodec<CibDefaults, CibDefaults.Builder> defaults(String element) {
    return ElementCodec.of(element, CibDefaults.Builder::new, CibDefaults.Builder::build, CibDefaults::unmodeled, CibDefaults.Builder::unmodeled)
        .list("meta_attributes", META_ATTRIBUTES, CibDefaults::metaAttributes, CibDefaults.Builder::metaAttributes);
  }

  static final ElementCodec<CibConfiguration, CibConfiguration.Builder> CONFIGURATION =
      ElementCodec.of("configuration", CibConfiguration.Builder::new, CibConfiguration.Builder::build, CibConfiguration::unmodeled, CibConfiguration.Builder::unmodeled)
          .child("crm_config", CRM_CONFIG, CibConfiguration::crmConfig, CibConfiguration.Builder::crmConfig)
          .child("nodes", NODES, CibConfiguration::nodes, CibConfiguration.Builder::nodes)
          .child("resources", RESOURCES, CibConfiguration::resources, CibConfiguration.Builder::resources)
          .child("constraints", CONSTRAINTS, CibConfiguration::constraints, CibConfiguration.Builder::constraints)
          .child("rsc_defaults", defaults("rsc_defaults"), CibConfiguration::rscDefaults, CibConfiguration.Builder::rscDefaults)
          .child("op_defaults", defaults("op_defaults"), CibConfiguration::opDefaults, CibConfiguration.Builder::opDefaults);

  static final ElementCodec<Cib, Cib.Builder> CIB =
      ElementCodec.of("cib", Cib.Builder::new, Cib.Builder::build, Cib::unmodeled, Cib.Builder::unmodeled)
          .attr("validate-with", Cib::validateWith, Cib.Builder::validateWith)
          .attr("epoch", Cib::epoch, Cib.Builder::epoch)
          .attr("num_updates", Cib::numUpdates, Cib.Builder::numUpdates)
          .attr("admin_epoch", Cib::adminEpoch, Cib.Builder::adminEpoch)
          .child("configuration", CONFIGURATION, Cib::configuration, Cib.Builder::configuration);

  static final XmlDocument<Cib> DOC = XmlDocument.of(CIB);
  static final XmlDocument<Primitive> PRIMITIVE_DOC = XmlDocument.of(PRIMITIVE);

  public static Cib parse(String xml) { return DOC.parse(xml); }

  public static String render(Cib c) { return DOC.render(c); }

  public static String render(Primitive p) { return XmlWriter.write(redact(PRIMITIVE_DOC.tree(withSecrets(p, "****")))); }

  public static String renderRedacted(Cib c) { return XmlWriter.write(redact(DOC.tree(withSecrets(c, "****")))); }

  public static List<String> unmodeledPaths(Cib c) { return DOC.unmodeledPaths(c); }

  /** The element tree of {@code c} (for tests and for callers that post-process). */
  public static XmlElement tree(Cib c) { return DOC.tree(c); }

  private static final java.util.Set<String> SECRET_WORDS = java.util.Set.of("password", "passwd", "pass", "passphrase", "pwd", "pw",
      "secret", "token", "apikey", "key", "auth", "authkey", "community", "psk", "credential", "credentials");
  /** A last word that makes the parameter a path or a setting about the secret, not the secret ({@code key_file}, {@code passwd_script}). */
  private static final java.util.Set<String> NOT_SECRET_LAST = java.util.Set.of("file", "path", "script", "dir", "type", "method", "prot",
      "protocol", "level", "alg", "timeout", "len", "length", "size");

  /**
   * True for agent parameters whose values are secrets: a name with {@code passw}, {@code secret} or {@code token}
   * in it, or a word (split at '_', '-', '.') that is password, passwd, pass, pwd, key or ends in key (apikey, authkey),
   * auth, community, psk or credential(s) — unless its last word makes it a path or a setting
   * ({@code key_file}, {@code passwd_script}, {@code auth_type}, ...). A false positive only costs the value a trip
   * through {@code cibsecret}; a name this misses can be marked with {@link NvPair#secret()}.
   */
  public static boolean isSecretParam(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] words = n.split("[_.-]+");
    if (words.length > 1 && NOT_SECRET_LAST.contains(words[words.length - 1])) return false;
    if (n.contains("passw") || n.contains("secret") || n.contains("token")) return true;
    for (String w : words) {
      if (SECRET_WORDS.contains(w) || w.endsWith("key")) return true;
    }
    return false;
  }

  /** True when the pair's value is a secret: marked so, or its name is secret-looking ({@link #isSecretParam}). */
  public static boolean isSecret(NvPair p) { return p.secret() || p.name().map(CibCodecs::isSecretParam).orElse(false); }

  /** {@code p} with each secret instance attribute's value (other than {@code lrm://...}) replaced by {@code replacement}. */
  public static Primitive withSecrets(Primitive p, String replacement) {
    if (p.instanceAttributes().stream().flatMap(s -> s.nvpairs().stream()).noneMatch(x -> isSecret(x) && hidable(x))) return p;
    List<NvSet> sets = new ArrayList<>();
    for (NvSet s : p.instanceAttributes()) {
      List<NvPair> pairs = new ArrayList<>();
      for (NvPair x : s.nvpairs()) pairs.add(isSecret(x) && hidable(x) ? NvPair.builder().from(x).value(replacement).build() : x);
      sets.add(NvSet.builder().from(s).nvpairs(pairs).build());
    }
    return Primitive.builder().from(p).instanceAttributes(sets).build();
  }

  private static boolean hidable(NvPair x) { return x.value().isPresent() && !x.value().get().startsWith("lrm://"); }

  /** The secret instance attributes of {@code p} whose values are in it (not {@code lrm://} already), name to value. */
  public static java.util.Map<String, String> secrets(Primitive p) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (NvSet s : p.instanceAttributes()) {
      for (NvPair x : s.nvpairs()) if (isSecret(x) && hidable(x) && x.name().isPresent()) out.put(x.name().get(), x.value().get());
    }
    return out;
  }

  /** {@code g} with {@link #withSecrets} applied to its primitives. */
  public static Group withSecrets(Group g, String replacement) {
    return Group.builder().from(g).primitives(g.primitives().stream().map(p -> withSecrets(p, replacement)).toList()).build();
  }

  /** {@code c} with {@link #withSecrets} applied to its primitive or group. */
  public static Clone withSecrets(Clone c, String replacement) {
    Clone.Builder b = Clone.builder().from(c);
    c.primitive().ifPresent(p -> b.primitive(withSecrets(p, replacement)));
    c.group().ifPresent(g -> b.group(withSecrets(g, replacement)));
    return b.build();
  }

  /** {@code c} with {@link #withSecrets} applied to every primitive. */
  static Cib withSecrets(Cib c, String replacement) {
    if (c.configuration().flatMap(CibConfiguration::resources).isEmpty()) return c;
    CibConfiguration conf = c.configuration().get();
    CibResources r = conf.resources().get();
    CibResources mapped = CibResources.builder().from(r)
        .primitives(r.primitives().stream().map(p -> withSecrets(p, replacement)).toList())
        .groups(r.groups().stream().map(g -> withSecrets(g, replacement)).toList())
        .clones(r.clones().stream().map(x -> withSecrets(x, replacement)).toList()).build();
    return Cib.builder().from(c).configuration(CibConfiguration.builder().from(conf).resources(mapped).build()).build();
  }

  /** The tree with secret nvpair values replaced by {@code ****}. */
  static XmlElement redact(XmlElement e) {
    boolean secretPair = e.name().equals("nvpair") && e.attr("name") != null && isSecretParam(e.attr("name")) && e.attr("value") != null;
    if (!secretPair && e.children().isEmpty()) return e;
    XmlElement.Builder b = XmlElement.builder(e.name());
    for (int i = 0; i < e.attrCount(); i++) {
      b.attr(e.attrName(i), secretPair && e.attrName(i).equals("value") && !e.attrValue(i).startsWith("lrm://") ? "****" : e.attrValue(i));
    }
    if (e.text() != null) b.text(e.text());
    for (XmlElement c : e.children()) b.child(redact(c));
    return b.build();
  }

  public static List<Primitive> allPrimitives(Cib c) {
    List<Primitive> out = new ArrayList<>();
    c.configuration().flatMap(CibConfiguration::resources).ifPresent(r -> {
      out.addAll(r.primitives());
      r.groups().forEach(g -> out.addAll(g.primitives()));
      r.clones().forEach(cl -> {
        cl.primitive().ifPresent(out::add);
        cl.group().ifPresent(g -> out.addAll(g.primitives()));
      });
    });
    return out;
  }
}
