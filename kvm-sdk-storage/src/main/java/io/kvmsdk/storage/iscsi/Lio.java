package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.host.Plan;
import io.kvmsdk.storage.internal.LioPlans;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import org.immutables.value.Value;

/**
 * The kernel's iSCSI target (LIO) an {@link IscsiTarget} is put into with {@code targetcli}:
 * backstores ({@code fileio} for files, {@code block} for devices and for RBD images mapped by the
 * kernel client at {@code /dev/rbd/POOL/IMAGE}), the target and its portal group {@code tpg1}, its
 * portals, LUNs, ACLs with explicitly mapped LUNs (read-only LUNs write-protected), CHAP per ACL
 * (or on the portal group when any initiator may log in), then {@code saveconfig}.
 *
 * <p>targetcli exits 0 after many errors, so every step's check reads configfs
 * ({@code /sys/kernel/config/target}) and every creating step ends with a {@code test -d} of what
 * it created: a silent failure fails the step. LIO needs configfs and the target modules: none of
 * this runs on a machine without them (nor on the fake host); the plan and
 * {@link #saveconfig} are what can be inspected there.
 */
@Value.Immutable
public abstract class Lio {
  @Value.Default public String program() { return "targetcli"; }

  /** Where configfs shows LIO. */
  @Value.Default public String configfs() { return "/sys/kernel/config/target"; }

  /** Where {@code targetctl restore} reads the saved configuration (Debian's path; RHEL uses {@code /etc/target/saveconfig.json}). */
  @Value.Default public String saveconfigPath() { return "/etc/rtslib-fb-target/saveconfig.json"; }

  public static Lio defaults() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.path("lio/configfs", configfs());
    Names.path("lio/saveconfig", saveconfigPath());
  }

  /** The targetcli plan that creates {@code target}; idempotent. */
  public Plan plan(IscsiTarget target) { return LioPlans.create(this, target); }

  /** The targetcli plan that deletes {@code target} and its backstores. */
  public Plan removalPlan(IscsiTarget target) { return LioPlans.remove(this, target); }

  /**
   * {@code targets} as rtslib's saveconfig JSON. With {@code redact} the CHAP secrets are
   * {@code ****} (for people); otherwise they are real (for the file: mode 0600, never logged).
   */
  public String saveconfig(List<IscsiTarget> targets, boolean redact) { return LioPlans.saveconfig(targets, redact); }

  /** The backstore name of {@code lun} of {@code target}: the IQN's last part and the LUN, e.g. {@code vmstore-lun1}. */
  public String backstoreName(IscsiTarget target, IscsiLun lun) { return LioPlans.backstoreName(target, lun); }

  public static class Builder extends ImmutableLio.Builder {}
}
