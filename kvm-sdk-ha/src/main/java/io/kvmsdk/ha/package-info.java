/**
 * High availability: specs of the host tools' objects that compile down to core types — a
 * {@link io.kvmsdk.core.host.Plan}, a config file's text, a core libvirt document. Here:
 * {@link io.kvmsdk.ha.VipGroup} and {@link io.kvmsdk.ha.VipSyncGroup} (keepalived VIPs, typed file
 * in {@code io.kvmsdk.ha.keepalived}); {@code io.kvmsdk.ha.pacemaker} (corosync.conf, the CIB, pcs
 * plans, crm_mon status); {@code io.kvmsdk.ha.drbd} (DRBD resources). Live migration policy and fleet
 * placement go in {@code io.kvmsdk.ha.migration} and {@code io.kvmsdk.ha.placement}. libvirt's own
 * documents live in core, not here. The fake interpreters of this module's tools (keepalived,
 * drbdadm, ...) are in {@code io.kvmsdk.ha.fake}, the testkit being an optional dependency;
 * {@code io.kvmsdk.ha.internal} (the text formats' writers and readers, the CIB mapping) is not API.
 */
@KvmStyle
package io.kvmsdk.ha;

import io.kvmsdk.core.KvmStyle;
