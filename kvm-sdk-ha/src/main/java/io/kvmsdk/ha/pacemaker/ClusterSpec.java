package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.ha.internal.CibCodecs;
import io.kvmsdk.ha.internal.CorosyncText;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import io.kvmsdk.ha.internal.PcsPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A Pacemaker/corosync cluster that keeps VMs running: its nodes and knet links (rendered as
 * {@link #corosyncConf()}), and what Pacemaker runs on them — {@code VirtualDomain} guests,
 * {@code IPaddr2} VIPs, fencing devices, groups, clones (a DRBD promotable clone, say),
 * location/colocation/order constraints and cluster properties — rendered as a CIB
 * ({@link #cibXml()}) and as the {@code pcs} commands that build it ({@link #pcsPlan()}).
 *
 * <pre>{@code
 * ClusterSpec c = ClusterSpec.builder().name("vmcluster")
 *     .addNode("hv1", "192.0.2.11").addNode("hv2", "192.0.2.12")
 *     .addVirtualDomain("vm1", "/etc/libvirt/qemu/vm1.xml")
 *     .addVip("vm1-ip", "192.0.2.50/24")
 *     .colocate("vm1-ip", "vm1").order("vm1", "vm1-ip")
 *     .disableStonith("lab cluster without a fencing device")
 *     .build();
 * String corosync = c.corosyncConf();
 * String cib = c.cibXml();
 * Plan plan = c.pcsPlan();
 * }</pre>
 *
 * Refused at build time, naming the field: two nodes with one name, nodeid or address, a constraint
 * naming a resource the cluster does not have, two objects with one id, a cluster with neither a
 * fencing device nor {@link Builder#disableStonith(String) a recorded reason to run without one}
 * (Pacemaker refuses to start resources otherwise: {@code crm_verify} exits 78).
 */
@Value.Immutable
public abstract class ClusterSpec {
  /** {@code cluster_name}. */
  public abstract String name();

  public abstract List<ClusterNode> nodes();

  /** Options of the knet links (link 0 is {@code ring0_addr}, ...); links without options need no entry. */
  public abstract List<KnetLink> links();

  /** {@code transport}: knet (default), udpu or udp. */
  @Value.Default public String transport() { return "knet"; }

  /** {@code crypto_cipher}: aes256 (default with knet), aes192, aes128 or none (default with udpu and udp: only knet encrypts). */
  @Value.Default public String cryptoCipher() { return transport().equals("knet") ? "aes256" : "none"; }

  /** {@code crypto_hash}: sha256 (default with knet), sha1, sha384, sha512, md5 or none (default with udpu and udp). */
  @Value.Default public String cryptoHash() { return transport().equals("knet") ? "sha256" : "none"; }

  /** {@code keyfile}: where the authkey is (corosync's default {@code /etc/corosync/authkey}). The key itself never passes through the SDK. */
  public abstract Optional<String> keyfile();

  /** {@code token}: ms without the token before a node is declared lost (at least 126: corosync divides it by 4.2 into a retransmit timeout of 30 ms or more). */
  public abstract Optional<Integer> token();

  /** {@code two_node}: a two-node cluster keeps quorum with one node (default: on with exactly two nodes, as pcs does). */
  public abstract Optional<Boolean> twoNode();

  public abstract Optional<Boolean> waitForAll();

  public abstract Optional<Integer> expectedVotes();

  @Value.Default public String logFile() { return "/var/log/corosync/corosync.log"; }

  @Value.Default public boolean toSyslog() { return true; }

  /** The CIB's {@code validate-with} (default {@code pacemaker-3.9}: Pacemaker 2.1.5). */
  @Value.Default public String validateWith() { return "pacemaker-3.9"; }

  /** Cluster properties ({@code crm_config}), e.g. {@code no-quorum-policy=stop}. */
  public abstract Map<String, String> properties();

  /** Why this cluster runs without fencing (sets {@code stonith-enabled=false}); absent when it has fencing devices. */
  public abstract Optional<String> stonithDisabledReason();

  public abstract List<StonithDevice> stonithDevices();

  /** Top-level primitives (VirtualDomain guests, IPaddr2 VIPs, ...). */
  public abstract List<Primitive> primitives();

  public abstract List<Group> groups();

  public abstract List<Clone> clones();

  public abstract List<RscLocation> locations();

  public abstract List<RscColocation> colocations();

  public abstract List<RscOrder> orders();

  public static Builder builder() { return new Builder(); }

  public ClusterSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  // ------------------------------------------------------------------ corosync.conf

  /** The corosync.conf every node runs (knet, crypto, the nodelist with explicit nodeids, votequorum). */
  public String corosyncConf() {
    CorosyncText.Writer w = new CorosyncText.Writer();
    w.open("totem").pair("version", 2).pair("cluster_name", name(), "totem/cluster_name").pair("transport", transport(), "totem/transport");
    token().ifPresent(t -> w.pair("token", t));
    w.pair("crypto_cipher", cryptoCipher(), "totem/crypto_cipher").pair("crypto_hash", cryptoHash(), "totem/crypto_hash");
    keyfile().ifPresent(k -> w.pair("keyfile", k, "totem/keyfile"));
    for (KnetLink l : links()) {
      w.open("interface");
      l.priority().ifPresent(p -> w.pair("knet_link_priority", p));
      l.transport().ifPresent(t -> w.pair("knet_transport", t, "knet_transport"));
      w.pair("linknumber", l.linknumber());
      w.close();
    }
    w.close();
    w.open("nodelist");
    for (ClusterNode n : nodes()) {
      w.open("node");
      for (int i = 0; i < n.addresses().size(); i++) w.pair("ring" + i + "_addr", n.addresses().get(i), "nodelist/node " + n.name() + "/ring" + i + "_addr");
      w.pair("name", n.name(), "nodelist/node " + n.name() + "/name").pair("nodeid", n.nodeid());
      w.close();
    }
    w.close();
    w.open("quorum").pair("provider", "corosync_votequorum", "provider");
    if (effectiveTwoNode()) w.pair("two_node", 1);
    waitForAll().ifPresent(v -> w.pair("wait_for_all", v ? 1 : 0));
    expectedVotes().ifPresent(v -> w.pair("expected_votes", v));
    w.close();
    w.open("logging").pair("to_logfile", "yes", "to_logfile").pair("logfile", logFile(), "logging/logfile")
        .pair("to_syslog", toSyslog() ? "yes" : "no", "to_syslog").pair("timestamp", "on", "timestamp").close();
    return w.toString();
  }

  /** {@code two_node} as written: as given, else on with exactly two nodes. */
  public boolean effectiveTwoNode() { return twoNode().orElse(nodes().size() == 2); }

  // ------------------------------------------------------------------ CIB

  /**
   * The CIB: properties, resources, constraints; {@code <nodes/>} and {@code <status/>} empty (Pacemaker fills them in).
   * Secret agent parameters ({@link NvPair#secret()} or secret-looking names) are {@code lrm://} in it.
   */
  public Cib cib() {
    Map<String, String> props = new LinkedHashMap<>();
    if (stonithDisabledReason().isPresent()) props.put("stonith-enabled", "false");
    props.putAll(properties());
    CibConfiguration.Builder conf = CibConfiguration.builder()
        .crmConfig(CrmConfig.builder().addClusterPropertySet(NvSet.of("cib-bootstrap-options", props)).build());
    // Pacemaker lists nodes itself as they join (as after pcs cluster setup): a node listed here
    // before it was ever seen counts as unclean, and crm_verify then warns that it cannot be fenced
    conf.nodes(CibNodes.builder().build());
    CibResources.Builder res = CibResources.builder();
    stonithDevices().forEach(s -> res.addPrimitive(s.toPrimitive()));
    primitives().forEach(p -> res.addPrimitive(CibCodecs.withSecrets(p, "lrm://")));
    groups().forEach(g -> res.addGroup(CibCodecs.withSecrets(g, "lrm://")));
    clones().forEach(c -> res.addClone(CibCodecs.withSecrets(c, "lrm://")));
    conf.resources(res.build());
    conf.constraints(CibConstraints.builder().addAllLocations(locations()).addAllColocations(colocations()).addAllOrders(orders()).build());
    return Cib.builder().validateWith(validateWith()).epoch("1").numUpdates("0").adminEpoch("0").configuration(conf.build())
        .unmodeled(Unmodeled.of(List.of(), List.of(new Unmodeled.Element("configuration", XmlElement.leaf("status")))))
        .build();
  }

  /** The CIB as XML ({@code crm_verify --xml-file} accepts it; no secret is in it). */
  public String cibXml() { return cib().toXml(); }

  // ------------------------------------------------------------------ pcs

  /**
   * The {@code pcs} commands that build this configuration on the live cluster, each step skipped
   * when the CIB already has its object ({@code cibadmin --query --xpath}): properties, fencing
   * devices, resources, groups and clones, constraints, then the fencing passwords and every other
   * secret parameter ({@code cibsecret set}, the value shown as {@code ****}). Run it on one node.
   */
  public Plan pcsPlan() { return PcsPlanner.plan(this, Optional.empty()); }

  /**
   * The same commands against an offline CIB file ({@code pcs -f FILE}, checks with
   * {@code CIB_file=FILE}), e.g. one made by {@code cibadmin --empty} or {@code pcs cluster cib};
   * push it with {@code pcs cluster cib-push}. Passwords are not set offline (cibsecret needs the
   * live cluster): the file holds {@code lrm://} for them.
   */
  public Plan pcsPlan(String cibFile) { return PcsPlanner.plan(this, Optional.of(Names.path("cib_file", cibFile))); }

  // ------------------------------------------------------------------ rules

  /** Every id a constraint may name: fencing devices, primitives, group members, groups and clones. */
  public Set<String> resourceIds() {
    Set<String> ids = new HashSet<>();
    stonithDevices().forEach(s -> ids.add(s.id()));
    primitives().forEach(p -> p.id().ifPresent(ids::add));
    for (Group g : groups()) {
      g.id().ifPresent(ids::add);
      g.primitives().forEach(p -> p.id().ifPresent(ids::add));
    }
    for (Clone c : clones()) {
      c.id().ifPresent(ids::add);
      c.primitive().flatMap(Primitive::id).ifPresent(ids::add);
      c.group().ifPresent(g -> {
        g.id().ifPresent(ids::add);
        g.primitives().forEach(p -> p.id().ifPresent(ids::add));
      });
    }
    return ids;
  }

  @Value.Check protected void check() {
    Names.word("cluster_name", name());
    if (nodes().isEmpty()) throw new InvalidSpecException("nodelist", "a cluster needs at least one node");
    if (!Set.of("knet", "udpu", "udp").contains(transport())) throw new InvalidSpecException("totem/transport", "must be knet, udpu or udp, got '" + transport() + "'");
    if (!Set.of("aes256", "aes192", "aes128", "none").contains(cryptoCipher())) {
      throw new InvalidSpecException("totem/crypto_cipher", "must be aes256, aes192, aes128 or none, got '" + cryptoCipher() + "'");
    }
    if (!Set.of("sha256", "sha1", "sha384", "sha512", "md5", "none").contains(cryptoHash())) {
      throw new InvalidSpecException("totem/crypto_hash", "must be sha256, sha1, sha384, sha512, md5 or none, got '" + cryptoHash() + "'");
    }
    if (!cryptoCipher().equals("none") && cryptoHash().equals("none")) {
      throw new InvalidSpecException("totem/crypto_hash", "must be set when crypto_cipher is (corosync refuses encryption without authentication)");
    }
    if (!transport().equals("knet") && !(cryptoCipher().equals("none") && cryptoHash().equals("none"))) {
      throw new InvalidSpecException("totem/crypto_cipher", "only the knet transport encrypts: with " + transport()
          + " crypto_cipher and crypto_hash must be none (corosync: only valid for the Knet transport)");
    }
    keyfile().ifPresent(k -> Names.path("totem/keyfile", k));
    Names.path("logging/logfile", logFile());
    Set<String> names = new HashSet<>();
    Set<Integer> ids = new HashSet<>();
    Map<String, String> addrs = new HashMap<>();
    int links = nodes().get(0).addresses().size();
    for (ClusterNode n : nodes()) {
      String at = "nodelist/node " + n.name();
      if (!names.add(n.name())) throw new InvalidSpecException(at, "two nodes are named '" + n.name() + "'");
      if (!ids.add(n.nodeid())) throw new InvalidSpecException(at + "/nodeid", "nodeid " + n.nodeid() + " is used twice");
      if (transport().equals("knet") && n.nodeid() >= 65536) throw new InvalidSpecException(at + "/nodeid", "knet needs a nodeid below 65536, got " + n.nodeid());
      if (n.addresses().size() != links) {
        throw new InvalidSpecException(at + "/ring0_addr", "has " + n.addresses().size() + " addresses, the first node " + links + " (one per link on every node)");
      }
      for (int i = 0; i < links; i++) {
        String a = n.addresses().get(i);
        String key = Inet.literal(a).map(java.util.Arrays::toString).orElse(a.toLowerCase(java.util.Locale.ROOT));
        String other = addrs.put(key, n.name());
        if (other != null) throw new InvalidSpecException(at + "/ring" + i + "_addr", "is " + other + "'s address already: " + a);
      }
    }
    if (!transport().equals("knet") && links > 1) {
      throw new InvalidSpecException("nodelist/node " + nodes().get(0).name() + "/ring1_addr", transport() + " takes one address per node (only knet has several links), got " + links);
    }
    for (int i = 0; i < links; i++) {
      Boolean v4 = null;
      for (ClusterNode n : nodes()) {
        Optional<byte[]> lit = Inet.literal(n.addresses().get(i));
        if (lit.isEmpty()) continue;
        boolean is4 = lit.get().length == 4;
        if (v4 != null && v4 != is4) {
          throw new InvalidSpecException("nodelist/node " + n.name() + "/ring" + i + "_addr", "link " + i + " mixes IPv4 and IPv6 addresses (corosync: different IP families)");
        }
        v4 = is4;
      }
    }
    Set<Integer> linkNumbers = new HashSet<>();
    for (KnetLink l : links()) {
      if (l.linknumber() >= links) throw new InvalidSpecException("totem/interface/linknumber", "link " + l.linknumber() + " has no address (nodes have " + links + ")");
      if (!linkNumbers.add(l.linknumber())) throw new InvalidSpecException("totem/interface/linknumber", "link " + l.linknumber() + " is configured twice");
    }
    if (twoNode().orElse(false) && nodes().size() != 2) throw new InvalidSpecException("quorum/two_node", "needs exactly two nodes, got " + nodes().size());
    expectedVotes().ifPresent(v -> {
      if (v < 1) throw new InvalidSpecException("quorum/expected_votes", "must be 1 or more, got " + v);
    });
    token().ifPresent(t -> {
      if (t < 126) throw new InvalidSpecException("totem/token", "must be at least 126 ms (corosync: not appropriate token, its retransmit timeout token/4.2 is under 30 ms), got " + t);
    });
    if (!SCHEMAS.contains(validateWith())) {
      throw new InvalidSpecException("cib/@validate-with", "must be a Pacemaker schema (pacemaker-1.0, 1.2, 1.3, 2.0 to 2.10, 3.0 to 3.10, 4.0 or pacemaker-next), got '" + validateWith() + "'");
    }
    for (Map.Entry<String, String> p : properties().entrySet()) {
      if (!p.getKey().matches("[a-z][a-z0-9-]*")) throw new InvalidSpecException("crm_config/" + p.getKey(), "a property name is lower-case letters, digits and '-'");
      checkProperty("crm_config/" + p.getKey(), p.getKey(), p.getValue());
    }
    checkResources();
    checkStonith();
    checkIds();
    corosyncConf(); // what corosync could not read back is refused now, not when the file is written
  }

  /** The schemas Pacemaker 1.1 to 3.0 ship ({@code /usr/share/pacemaker/pacemaker-*.rng}). */
  private static final Set<String> SCHEMAS;

  static {
    Set<String> s = new HashSet<>(List.of("pacemaker-1.0", "pacemaker-1.2", "pacemaker-1.3", "pacemaker-4.0", "pacemaker-next"));
    for (int i = 0; i <= 10; i++) {
      s.add("pacemaker-2." + i);
      s.add("pacemaker-3." + i);
    }
    SCHEMAS = Set.copyOf(s);
  }

  /** Properties whose values Pacemaker checks (crm_verify exits 78 on another value). */
  private static final Map<String, Set<String>> PROPERTY_VALUES = Map.of(
      "no-quorum-policy", Set.of("stop", "freeze", "ignore", "demote", "suicide", "fence"),
      "placement-strategy", Set.of("default", "utilization", "minimal", "balanced"),
      "stonith-action", Set.of("reboot", "off", "poweroff"),
      "node-health-strategy", Set.of("none", "migrate-on-red", "only-green", "progressive", "custom"));

  private static final Set<String> BOOLEAN_PROPERTIES = Set.of("stonith-enabled", "symmetric-cluster", "maintenance-mode", "start-failure-is-fatal",
      "enable-startup-probes", "stop-all-resources", "stop-orphan-resources", "stop-orphan-actions", "concurrent-fencing", "startup-fencing",
      "enable-acl", "fence-reaction-is-fatal", "have-watchdog");

  private static void checkProperty(String field, String name, String value) {
    Set<String> allowed = PROPERTY_VALUES.get(name);
    if (allowed != null && !allowed.contains(value)) {
      throw new InvalidSpecException(field, "must be one of " + new java.util.TreeSet<>(allowed) + ", got '" + value + "'");
    }
    if (BOOLEAN_PROPERTIES.contains(name) && !value.matches("(?i)true|false|yes|no|on|off|y|n|1|0")) {
      throw new InvalidSpecException(field, "must be a boolean (true or false), got '" + value + "'");
    }
  }

  private static final java.util.regex.Pattern SCORE = java.util.regex.Pattern.compile("[-+]?(INFINITY|[0-9]+)");
  private static final java.util.regex.Pattern AGENT_WORD = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]*");
  private static final java.util.regex.Pattern PARAM_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  /** What crm_verify and pcs refuse in a primitive: no type, an agent word or parameter name pcs would read as an option, an id that is no XML ID. */
  private void checkResources() {
    List<Primitive> all = new ArrayList<>(primitives());
    List<NvSet> meta = new ArrayList<>();
    for (Group g : groups()) {
      all.addAll(g.primitives());
      meta.addAll(g.metaAttributes());
    }
    for (Clone c : clones()) {
      c.primitive().ifPresent(all::add);
      c.group().ifPresent(g -> {
        all.addAll(g.primitives());
        meta.addAll(g.metaAttributes());
      });
      meta.addAll(c.metaAttributes());
    }
    for (Primitive p : all) {
      String at = "primitive " + p.id().orElse("?");
      if (p.type().isEmpty()) throw new InvalidSpecException(at + "/@type", "is required (the resource agent, e.g. VirtualDomain)");
      agentWord(at + "/@type", p.type().get());
      p.resourceClass().ifPresent(v -> agentWord(at + "/@class", v));
      p.provider().ifPresent(v -> agentWord(at + "/@provider", v));
      for (NvSet set : p.instanceAttributes()) pairs(at + "/instance_attributes", set, true);
      for (NvSet set : p.metaAttributes()) pairs(at + "/meta_attributes", set, false);
      for (Op o : p.operations().map(Operations::ops).orElse(List.of())) {
        String oat = at + "/op " + o.id().orElse(o.name().orElse("?"));
        if (o.name().isEmpty() || !o.name().get().matches("[a-z][a-z_-]*")) throw new InvalidSpecException(oat + "/@name", "must be an action name (start, monitor, ...), got " + o.name().orElse("nothing"));
        o.id().ifPresent(i -> Names.xmlId(oat + "/@id", i));
        o.interval().ifPresent(v -> interval(oat + "/@interval", v));
        o.timeout().ifPresent(v -> interval(oat + "/@timeout", v));
      }
    }
    for (NvSet set : meta) pairs("meta_attributes " + set.id().orElse("?"), set, false);
  }

  private static void agentWord(String field, String v) {
    if (!AGENT_WORD.matcher(v).matches()) throw new InvalidSpecException(field, "must be letters, digits, '_', '.', ':', '@' and '-', not starting with '-' (pcs would read an option), got '" + v + "'");
  }

  private static void pairs(String field, NvSet set, boolean secretsAllowed) {
    set.id().ifPresent(i -> Names.xmlId(field + "/@id", i));
    for (NvPair x : set.nvpairs()) {
      String name = x.name().orElseThrow(() -> new InvalidSpecException(field + "/nvpair/@name", "is required"));
      if (!PARAM_NAME.matcher(name).matches()) {
        throw new InvalidSpecException(field + "/" + name, "a parameter name is letters, digits, '_', '.' and '-' (no '=' or blanks: pcs splits NAME=VALUE), not starting with '-'");
      }
      x.id().ifPresent(i -> Names.xmlId(field + "/" + name + "/@id", i));
      if (!secretsAllowed && x.secret()) throw new InvalidSpecException(field + "/" + name, "only agent parameters (instance_attributes) can be secrets: cibsecret keeps no meta attribute");
    }
  }

  /** A Pacemaker interval: a whole number of ms or more, never negative ({@code 0}, {@code 10s}, {@code 1500ms}, {@code 20}). */
  private static void interval(String field, String v) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(ms|msec|s|sec|m|min|h|hr)?").matcher(v);
    if (!m.matches()) throw new InvalidSpecException(field, "must be a non-negative duration such as 0, 10s or 1500ms, got '" + v + "'");
  }

  private void checkStonith() {
    String enabled = properties().get("stonith-enabled");
    if (stonithDisabledReason().isPresent()) {
      if (stonithDisabledReason().get().isBlank()) throw new InvalidSpecException("crm_config/stonith-enabled", "say why fencing is off (the reason is recorded)");
      if (!stonithDevices().isEmpty()) throw new InvalidSpecException("crm_config/stonith-enabled", "fencing is disabled but the cluster has fencing devices " + stonithDevices().stream().map(StonithDevice::id).toList());
      if (enabled != null) throw new InvalidSpecException("crm_config/stonith-enabled", "set it with disableStonith(reason) only");
    } else {
      if ("false".equals(enabled)) throw new InvalidSpecException("crm_config/stonith-enabled", "turn fencing off with disableStonith(reason), so the reason is recorded");
      if (stonithDevices().isEmpty()) {
        throw new InvalidSpecException("resources/stonith", "the cluster has no fencing device: add one (addStonith) or disableStonith(reason)"
            + " (Pacemaker starts no resource without fencing: crm_verify exits 78)");
      }
    }
  }

  private void checkIds() {
    Map<String, String> seen = new HashMap<>();
    List<String> all = new ArrayList<>();
    stonithDevices().forEach(s -> all.add(s.id()));
    for (Primitive p : primitives()) all.add(id(p.id(), "primitive"));
    for (Group g : groups()) {
      all.add(id(g.id(), "group"));
      if (g.primitives().isEmpty()) throw new InvalidSpecException("group " + g.id().get(), "a group needs at least one primitive");
      g.primitives().forEach(p -> all.add(id(p.id(), "group " + g.id().get() + "/primitive")));
    }
    for (Clone c : clones()) {
      all.add(id(c.id(), "clone"));
      if (c.primitive().isPresent() == c.group().isPresent()) throw new InvalidSpecException("clone " + c.id().get(), "a clone holds one primitive or one group");
      c.primitive().ifPresent(p -> all.add(id(p.id(), "clone " + c.id().get() + "/primitive")));
      c.group().ifPresent(g -> {
        all.add(id(g.id(), "clone " + c.id().get() + "/group"));
        g.primitives().forEach(p -> all.add(id(p.id(), "clone " + c.id().get() + "/group/primitive")));
      });
    }
    for (RscLocation l : locations()) all.add(id(l.id(), "rsc_location"));
    for (RscColocation l : colocations()) all.add(id(l.id(), "rsc_colocation"));
    for (RscOrder l : orders()) all.add(id(l.id(), "rsc_order"));
    for (String i : all) {
      if (seen.put(i, i) != null) throw new InvalidSpecException("id " + i, "two objects of the cluster have the id '" + i + "'");
    }
    Set<String> rsc = resourceIds();
    for (RscLocation l : locations()) {
      ref("rsc_location " + l.id().get() + "/rsc", l.rsc(), rsc);
      if (l.node().isPresent() && nodes().stream().noneMatch(n -> n.name().equals(l.node().get()))) {
        throw new InvalidSpecException("rsc_location " + l.id().get() + "/node", "names no node of the cluster: " + l.node().get());
      }
    }
    for (RscColocation c : colocations()) {
      ref("rsc_colocation " + c.id().get() + "/rsc", c.rsc(), rsc);
      ref("rsc_colocation " + c.id().get() + "/with-rsc", c.withRsc(), rsc);
    }
    for (RscOrder o : orders()) {
      ref("rsc_order " + o.id().get() + "/first", o.first(), rsc);
      ref("rsc_order " + o.id().get() + "/then", o.then(), rsc);
      if (o.first().equals(o.then())) {
        throw new InvalidSpecException("rsc_order " + o.id().get() + "/then", "orders " + o.first().get() + " after itself (crm_verify aborts on it)");
      }
      o.score().ifPresent(v -> score("rsc_order " + o.id().get() + "/score", v));
    }
    for (RscLocation l : locations()) l.score().ifPresent(v -> score("rsc_location " + l.id().get() + "/score", v));
    for (RscColocation c : colocations()) c.score().ifPresent(v -> score("rsc_colocation " + c.id().get() + "/score", v));
  }

  private static void score(String field, String v) {
    if (!SCORE.matcher(v).matches()) throw new InvalidSpecException(field, "must be INFINITY, -INFINITY or an integer, got '" + v + "'");
  }

  private static String id(Optional<String> id, String what) {
    if (id.isEmpty()) throw new InvalidSpecException(what + "/@id", "is required");
    return Names.xmlId(what + "/@id", id.get());
  }

  private static void ref(String field, Optional<String> id, Set<String> known) {
    if (id.isEmpty()) throw new InvalidSpecException(field, "is required");
    if (!known.contains(id.get())) throw new InvalidSpecException(field, "names a resource the cluster does not have: '" + id.get() + "'");
  }

  /** The cluster in a line, its corosync.conf and its CIB (secrets masked). */
  @Override public String toString() {
    return "ClusterSpec " + name() + ": nodes " + nodes().stream().map(ClusterNode::toString).collect(Collectors.joining(", "))
        + stonithDisabledReason().map(r -> "; fencing disabled: " + r).orElse("; fencing " + stonithDevices().stream().map(StonithDevice::id).toList())
        + "\n# corosync.conf\n" + corosyncConf() + "# CIB\n" + cib();
  }

  /** Builds a {@link ClusterSpec}. */
  public static class Builder extends ImmutableClusterSpec.Builder {
    private int nextNodeid = 1;

    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "totem/cluster_name");

    /** Builds the spec; a missing name is an {@link InvalidSpecException} naming {@code totem/cluster_name}. */
    @Override public ClusterSpec build() { return REQUIRED.build(super::build); }

    /** Adds a node with one link address; nodeids count from 1 in the order nodes are added. */
    public Builder addNode(String name, String address) {
      addNode(ClusterNode.builder().name(name).nodeid(nextNodeid++).addAddress(address).build());
      return this;
    }

    /** Adds a node with an address per knet link (link 0 first). */
    public Builder addNode(String name, String address, String... moreLinks) {
      ClusterNode.Builder b = ClusterNode.builder().name(name).nodeid(nextNodeid++).addAddress(address);
      for (String a : moreLinks) b.addAddress(a);
      addNode(b.build());
      return this;
    }

    /** Adds a {@code VirtualDomain} guest started from its domain XML file. */
    public Builder addVirtualDomain(String id, String domainXmlPath) { return addVirtualDomain(VirtualDomain.of(id, domainXmlPath)); }

    public Builder addVirtualDomain(VirtualDomain vm) {
      addPrimitive(vm.toPrimitive());
      return this;
    }

    /** Adds an {@code IPaddr2} VIP, {@code ADDRESS/PREFIX}. */
    public Builder addVip(String id, String cidr) { return addVip(IPaddr2.of(id, cidr)); }

    public Builder addVip(IPaddr2 vip) {
      addPrimitive(vip.toPrimitive());
      return this;
    }

    /** Adds a fencing device. */
    public Builder addStonith(StonithDevice device) {
      addStonithDevice(device);
      return this;
    }

    /** Runs the cluster without fencing ({@code stonith-enabled=false}), recording why. */
    public Builder disableStonith(String reason) {
      stonithDisabledReason(reason);
      return this;
    }

    /** Sets a cluster property. */
    public Builder property(String name, String value) {
      putProperty(name, value);
      return this;
    }

    /** {@code rsc} always runs where {@code withRsc} runs (score INFINITY; id as pcs names it). */
    public Builder colocate(String rsc, String withRsc) {
      addColocation(RscColocation.builder().id("colocation-" + rsc + "-" + withRsc + "-INFINITY").rsc(rsc).withRsc(withRsc).score("INFINITY").build());
      return this;
    }

    /** {@code then} starts after {@code first} has started (and stops before it; mandatory). */
    public Builder order(String first, String then) {
      addOrder(RscOrder.builder().id("order-" + first + "-" + then + "-mandatory").first(first).then(then)
          .firstAction("start").thenAction("start").kind("Mandatory").build());
      return this;
    }

    /** {@code rsc} prefers {@code node} with {@code score} (INFINITY, -INFINITY or an integer). */
    public Builder prefer(String rsc, String node, String score) {
      String s = score == null ? "" : score;
      String id = "location-" + rsc + "-" + node + "-" + s.replace("+", "");
      if (!SCORE.matcher(s).matches()) {
        throw new InvalidSpecException("rsc_location location-" + rsc + "-" + node + "/score", "must be INFINITY, -INFINITY or an integer, got '" + s + "'");
      }
      addLocation(RscLocation.builder().id(id).rsc(rsc).node(node).score(s).build());
      return this;
    }
  }
}
