package io.kvmsdk.ha.alerts;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.metrics.AlertRule;
import io.kvmsdk.core.metrics.AlertRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Alerting rules on the HA layer, for an {@link AlertRules} file beside
 * {@link io.kvmsdk.core.metrics.KvmAlerts}' rules.
 *
 * <p>They read two metrics that an HA exporter publishes (this module does not export them yet; the
 * names, types and labels below are the contract such an exporter follows):
 * <ul>
 *   <li>{@code kvm_ha_vip_master{group, node}}, a gauge: 1 while {@code node} is the VRRP master of
 *       {@link io.kvmsdk.ha.VipGroup} {@code group} (so it holds the group's VIPs), else 0 — from
 *       keepalived's notify script or its state file on each node;</li>
 *   <li>{@code kvm_ha_pacemaker_resource_failed{resource, node}}, a gauge: 1 while
 *       {@code crm_mon} shows the resource failed on that node
 *       ({@link io.kvmsdk.ha.pacemaker.ResourceStatus#failed()}), else 0.</li>
 * </ul>
 */
public final class HaAlerts {
  private HaAlerts() {}

  /** The VRRP master of a VIP group changed (its VIPs moved to another node) in the last {@code window}. */
  public static AlertRule vipOwnerChanged(Duration window) {
    String w = duration("window", window);
    return AlertRule.of("KvmHaVipOwnerChanged", "max by (group) (changes(kvm_ha_vip_master[" + w + "])) > 0", Duration.ZERO, "warning",
        "The VIPs of group {{ $labels.group }} moved to another node in the last " + w);
  }

  /** A Pacemaker resource (a guest, an address, a DRBD device) shown failed for {@code after}. */
  public static AlertRule pacemakerResourceFailed(Duration after) {
    return AlertRule.of("KvmHaPacemakerResourceFailed", "kvm_ha_pacemaker_resource_failed == 1", Duration.ofSeconds(positive("for", after)),
        "critical", "Pacemaker resource {{ $labels.resource }} failed on node {{ $labels.node }}");
  }

  private static long positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero() || d.getNano() != 0) throw new InvalidSpecException(field, "must be a positive number of whole seconds, got " + d);
    return d.getSeconds();
  }

  private static String duration(String field, Duration d) { return positive(field, d) + "s"; }
}
