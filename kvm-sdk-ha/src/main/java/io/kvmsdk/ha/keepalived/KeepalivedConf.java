package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.KeepalivedCodec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A whole keepalived.conf (VRRP side): {@code global_defs}, {@code vrrp_script}s,
 * {@code bfd_instance}s, {@code vrrp_sync_group}s and {@code vrrp_instance}s. {@link #render()}
 * writes it with every value quoted as keepalived reads it; {@link #parse(String)} reads such a
 * file back into equal types (statements no type covers are kept in {@code unmodeled()} lists and
 * written back). {@code toString()} is the file with {@code auth_pass} shown as {@code ****}.
 *
 * <pre>{@code
 * KeepalivedConf conf = KeepalivedConf.parse(Files.readString(Path.of("/etc/keepalived/keepalived.conf")));
 * KeepalivedConf louder = conf.copy(b -> b.instances(List.of(conf.instances().get(0).copy(i -> i.priority(150)))));
 * }</pre>
 */
@Value.Immutable
public abstract class KeepalivedConf {
  public abstract Optional<GlobalDefs> globalDefs();

  public abstract List<VrrpScript> scripts();

  public abstract List<BfdInstance> bfdInstances();

  public abstract List<VrrpSyncGroup> syncGroups();

  public abstract List<VrrpInstance> instances();

  /** Top-level statements no type covers (e.g. {@code virtual_server}), kept verbatim. */
  public abstract List<KeepalivedStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  /** Parses keepalived.conf text; {@link InvalidSpecException} names the line or field and the rule. */
  public static KeepalivedConf parse(String text) { return KeepalivedCodec.parse(text); }

  /** The file, secrets included: what goes on the host. */
  public String render() { return KeepalivedCodec.render(this, false); }

  /** The file with {@code auth_pass} shown as {@code ****}: for logs and people. */
  public String renderRedacted() { return KeepalivedCodec.render(this, true); }

  /** Paths of the statements kept verbatim (e.g. {@code vrrp_instance VI_1/smtp_alert}); empty when all is typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return KeepalivedCodec.unmodeledPaths(this); }

  /** The instance {@code name}. */
  public Optional<VrrpInstance> instance(String name) {
    return instances().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** Derives a changed copy. */
  public KeepalivedConf copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Set<String> scriptNames = unique("vrrp_script", scripts().stream().map(VrrpScript::name).toList());
    Set<String> bfdNames = unique("bfd_instance", bfdInstances().stream().map(BfdInstance::name).toList());
    Set<String> instanceNames = unique("vrrp_instance", instances().stream().map(VrrpInstance::name).toList());
    unique("vrrp_sync_group", syncGroups().stream().map(VrrpSyncGroup::name).toList());
    Map<String, String> vrids = new HashMap<>();
    boolean runsScripts = !scripts().isEmpty();
    for (VrrpInstance i : instances()) {
      String key = i.iface() + "/" + i.virtualRouterId() + "/" + (i.virtualIpAddresses().get(0).address().contains(":") ? 6 : 4);
      String other = vrids.put(key, i.name());
      if (other != null) {
        throw new InvalidSpecException("vrrp_instance " + i.name() + "/virtual_router_id",
            "VRID " + i.virtualRouterId() + " on " + i.iface() + " is used by " + other + " already");
      }
      for (TrackedScript t : i.trackScripts()) {
        if (!scriptNames.contains(t.name())) throw new InvalidSpecException("vrrp_instance " + i.name() + "/track_script", "names no vrrp_script: " + t.name());
      }
      for (TrackedBfd t : i.trackBfds()) {
        if (!bfdNames.contains(t.name())) throw new InvalidSpecException("vrrp_instance " + i.name() + "/track_bfd", "names no bfd_instance: " + t.name());
      }
      runsScripts |= i.notifyMaster().isPresent() || i.notifyBackup().isPresent() || i.notifyFault().isPresent()
          || i.notifyStop().isPresent() || i.notifyScript().isPresent();
    }
    Set<String> inGroup = new HashSet<>();
    for (VrrpSyncGroup g : syncGroups()) {
      for (String m : g.group()) {
        if (!instanceNames.contains(m)) throw new InvalidSpecException("vrrp_sync_group " + g.name() + "/group", "names no vrrp_instance: " + m);
        if (!inGroup.add(m)) throw new InvalidSpecException("vrrp_sync_group " + g.name() + "/group", m + " is in another sync group already");
        VrrpInstance i = instance(m).orElseThrow();
        boolean weighted = i.trackScripts().stream().anyMatch(t -> weight(t).orElse(0) != 0);
        if (weighted && !g.trackingWeight()) {
          throw new InvalidSpecException("vrrp_sync_group " + g.name() + "/sync_group_tracking_weight",
              "is required: member " + m + " tracks scripts with weights, which keepalived ignores in a sync group otherwise");
        }
      }
      for (TrackedScript t : g.trackScripts()) {
        if (!scriptNames.contains(t.name())) throw new InvalidSpecException("vrrp_sync_group " + g.name() + "/track_script", "names no vrrp_script: " + t.name());
      }
      runsScripts |= g.notifyMaster().isPresent() || g.notifyBackup().isPresent() || g.notifyFault().isPresent()
          || g.notifyStop().isPresent() || g.notifyScript().isPresent();
    }
    if (runsScripts && !globalDefs().map(GlobalDefs::enableScriptSecurity).orElse(false)) {
      throw new InvalidSpecException("global_defs/enable_script_security",
          "is required when scripts run (keepalived -t reports 'SECURITY VIOLATION' otherwise)");
    }
  }

  private Optional<Integer> weight(TrackedScript t) {
    if (t.weight().isPresent()) return t.weight();
    return scripts().stream().filter(s -> s.name().equals(t.name())).findFirst().flatMap(VrrpScript::weight);
  }

  private static Set<String> unique(String kind, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) if (!seen.add(n)) throw new InvalidSpecException(kind + " " + n, "is defined twice");
    return seen;
  }

  @Override public String toString() { return renderRedacted(); }

  public static class Builder extends ImmutableKeepalivedConf.Builder {}
}
