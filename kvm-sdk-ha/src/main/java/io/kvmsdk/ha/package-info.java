/**
 * High availability: specs of the host tools' objects (keepalived VIP groups, pacemaker/corosync
 * clusters and resources, fencing, ...) that compile down to core types: a
 * {@link io.kvmsdk.core.host.Plan}, a config file's text, a core libvirt document. libvirt's own
 * documents live in core, not here. The fake interpreters of this module's tools (keepalived, pcs,
 * crm_mon, ...) go in {@code io.kvmsdk.ha.fake}, the testkit being an optional dependency.
 */
@KvmStyle
package io.kvmsdk.ha;

import io.kvmsdk.core.KvmStyle;
