package io.kvmsdk.ha;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.ha.internal.Names;
import io.kvmsdk.ha.keepalived.BfdInstance;
import io.kvmsdk.ha.keepalived.GlobalDefs;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.ha.keepalived.KeepalivedService;
import io.kvmsdk.ha.keepalived.NotifyScript;
import io.kvmsdk.ha.keepalived.VrrpScript;
import io.kvmsdk.ha.keepalived.VrrpSyncGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Several {@link VipGroup}s that move together (keepalived's {@code vrrp_sync_group}): e.g. a
 * public VIP and the matching private gateway VIP always sit on the same node. The groups must
 * have the same nodes; each node gets one keepalived.conf with all their instances.
 *
 * <pre>{@code
 * VipSyncGroup both = VipSyncGroup.builder().name("edge").addGroup(publicVip).addGroup(privateVip).build();
 * String conf = both.keepalivedConf("hv1");
 * }</pre>
 */
@Value.Immutable
public abstract class VipSyncGroup {
  public abstract String name();

  public abstract List<VipGroup> groups();

  public abstract Optional<NotifyScript> notifyMaster();

  public abstract Optional<NotifyScript> notifyBackup();

  public abstract Optional<NotifyScript> notifyFault();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("vrrp_sync_group", name());
    String at = "vip_sync_group " + name();
    if (groups().size() < 2) throw new InvalidSpecException(at + "/group", "needs at least two VIP groups");
    List<String> nodes = groups().get(0).nodeNames().stream().sorted().toList();
    Map<String, String> names = new HashMap<>();
    for (VipGroup g : groups()) {
      if (!g.nodeNames().stream().sorted().toList().equals(nodes)) {
        throw new InvalidSpecException(at + "/group " + g.name(), "has nodes " + g.nodeNames() + ", the first group has " + nodes);
      }
      if (names.put(g.name(), g.name()) != null) throw new InvalidSpecException(at + "/group " + g.name(), "is listed twice");
    }
    for (String n : nodes) keepalivedConfig(n); // the merged file's own rules (VRIDs per interface, scripts)
  }

  /** The node names. */
  public List<String> nodeNames() { return groups().get(0).nodeNames(); }

  /** {@code node}'s keepalived.conf: every group's instance, their scripts and BFD sessions, and the sync group. */
  public KeepalivedConf keepalivedConfig(String node) {
    Map<String, VrrpScript> scripts = new java.util.LinkedHashMap<>();
    Map<String, BfdInstance> bfds = new java.util.LinkedHashMap<>();
    KeepalivedConf.Builder all = KeepalivedConf.builder();
    boolean anyScripts = notifyMaster().isPresent() || notifyBackup().isPresent() || notifyFault().isPresent();
    String user = "root";
    boolean weighted = false;
    for (VipGroup g : groups()) {
      KeepalivedConf one = g.keepalivedConfig(node);
      for (VrrpScript s : one.scripts()) {
        VrrpScript other = scripts.putIfAbsent(s.name(), s);
        if (other != null && !other.equals(s)) {
          throw new InvalidSpecException("vip_sync_group " + name() + "/track_script " + s.name(), "is defined differently by two groups");
        }
        weighted |= s.weight().orElse(0) != 0;
      }
      for (BfdInstance b : one.bfdInstances()) bfds.putIfAbsent(b.name(), b);
      all.addAllInstances(one.instances());
      if (g.hasScripts()) {
        anyScripts = true;
        user = g.scriptUser();
      }
    }
    GlobalDefs.Builder gd = GlobalDefs.builder().routerId(node);
    if (anyScripts) gd.scriptUser(user).enableScriptSecurity(true);
    VrrpSyncGroup.Builder sg = VrrpSyncGroup.builder().name(name()).trackingWeight(weighted);
    groups().forEach(g -> sg.addGroup(g.name()));
    notifyMaster().ifPresent(sg::notifyMaster);
    notifyBackup().ifPresent(sg::notifyBackup);
    notifyFault().ifPresent(sg::notifyFault);
    return all.globalDefs(gd.build()).addAllScripts(scripts.values()).addAllBfdInstances(bfds.values()).addSyncGroup(sg.build()).build();
  }

  public String keepalivedConf(String node) { return keepalivedConfig(node).render(); }

  /** The plan for {@code node} with {@link KeepalivedService#defaults()}. */
  public Plan plan(String node) { return KeepalivedService.defaults().plan(keepalivedConfig(node)); }

  @Override public String toString() {
    return "VipSyncGroup " + name() + ": " + groups().stream().map(VipGroup::name).collect(Collectors.joining(", "))
        + nodeNames().stream().map(n -> "\n# keepalived.conf of " + n + "\n" + keepalivedConfig(n).renderRedacted()).collect(Collectors.joining());
  }

  /** Builds a {@link VipSyncGroup}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVipSyncGroup.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "name");

    @Override public VipSyncGroup build() { return REQUIRED.build(super::build); }
  }
}
