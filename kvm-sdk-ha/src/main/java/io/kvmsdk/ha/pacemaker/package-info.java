/**
 * Pacemaker and corosync: {@link io.kvmsdk.ha.pacemaker.ClusterSpec} (a cluster that runs VMs:
 * its corosync.conf, its CIB and the {@code pcs} plan that builds it), the typed, lossless
 * {@link io.kvmsdk.ha.pacemaker.Cib}, and {@link io.kvmsdk.ha.pacemaker.ClusterStatus}, the typed
 * read of {@code crm_mon --output-as=xml}.
 */
@KvmStyle
package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.KvmStyle;
