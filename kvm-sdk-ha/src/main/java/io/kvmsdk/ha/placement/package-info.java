/**
 * Where guests go on a fleet of hosts: {@link io.kvmsdk.ha.placement.Fleet} (hosts, their guests,
 * anti-affinity groups, hosts in maintenance), {@link io.kvmsdk.ha.placement.PlacementPolicy}
 * (overcommit ratios, reserves, pack or spread) and {@link io.kvmsdk.ha.placement.PlacementPlanner}
 * (new guests, a maintenance drain, the failover after a host is lost). It plans; running the plan is
 * {@code io.kvmsdk.ha.migration}'s (moves) or the caller's (restarts).
 */
@KvmStyle
package io.kvmsdk.ha.placement;

import io.kvmsdk.core.KvmStyle;
