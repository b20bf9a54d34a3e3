package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.storage.internal.Names;
import io.kvmsdk.storage.internal.TgtPlans;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tgt daemon an {@link IscsiTarget} is put into: how {@code tgtadm} reaches it (its control
 * port: tgtd's {@code -C N} socket {@code /run/tgtd/socket.N}) and where {@code targets.conf}
 * snippets go. Its plans read tgtd's listings to decide each step, because tgtadm exits 22 for
 * "already exists" and "can't find" alike:
 *
 * <ol>
 *   <li>each portal missing from {@code --mode portal} is added (portals belong to the whole tgtd);</li>
 *   <li>the target ({@code --tid}, IQN), unless {@code Target N: IQN} is listed;</li>
 *   <li>each LUN, unless that target lists that LUN with that backing store path; read-only and the
 *       serial are set right after;</li>
 *   <li>MaxConnections and MaxQueueCmd, unless {@code --op show --tid N} shows the value;</li>
 *   <li>the CHAP accounts (created unless listed, then bound; tgtadm cannot show a password, so an
 *       existing account keeps the password it has: remove the target first to change it);</li>
 *   <li>the ACL last, so no initiator gets in before the target is complete.</li>
 * </ol>
 *
 * A failing step rolls back the ones before it (delete the target, the accounts it created).
 */
@Value.Immutable
public abstract class Tgt {
  /** The program, {@code tgtadm} on the PATH by default. */
  @Value.Default public String program() { return "tgtadm"; }

  /** tgtd's control port ({@code tgtadm -C N}); tgtd's default (0) when absent. */
  public abstract Optional<Integer> controlPort();

  /** The low-level driver, {@code iscsi}. */
  @Value.Default public String lld() { return "iscsi"; }

  /** Where {@link #confPlan} writes a target's {@code targets.conf} snippet. */
  @Value.Default public String confDir() { return "/etc/tgt/conf.d"; }

  /** The local tgtd on its default control port. */
  public static Tgt defaults() { return builder().build(); }

  /** The tgtd started with {@code -C port}. */
  public static Tgt onControlPort(int port) { return builder().controlPort(port).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    controlPort().ifPresent(p -> {
      if (p < 0 || p > 65535) throw new InvalidSpecException("tgt/control_port", "must be 0-65535, got " + p);
    });
    if (!lld().equals("iscsi") && !lld().equals("iser")) throw new InvalidSpecException("tgt/lld", "must be iscsi or iser, got " + Names.quoted(lld()));
    Names.path("tgt/conf_dir", confDir());
    if (program().isBlank()) throw new InvalidSpecException("tgt/program", "must not be blank");
  }

  /** The plan that creates {@code target} in this tgtd; idempotent. */
  public Plan plan(IscsiTarget target) { return TgtPlans.create(this, target); }

  /** The plan that deletes {@code target} and its CHAP accounts (tgt keeps an account after its target is gone); idempotent. Portals stay: other targets share them. */
  public Plan removalPlan(IscsiTarget target) { return TgtPlans.remove(this, target); }

  /**
   * The plan that writes {@code target}'s {@code targets.conf} block to {@code confDir()/NAME.conf}
   * (mode 0600, the secrets through stdin), so {@code tgt-admin -e} recreates it at boot.
   */
  public Plan confPlan(IscsiTarget target) { return TgtPlans.conf(this, target); }

  /** The path {@link #confPlan} writes. */
  public String confPath(IscsiTarget target) { return confDir() + "/" + target.iqn().replace(':', '_') + ".conf"; }

  public static class Builder extends ImmutableTgt.Builder {}
}
