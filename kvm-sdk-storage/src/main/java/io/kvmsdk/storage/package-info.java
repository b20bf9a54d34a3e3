/**
 * Host storage: specs of the host tools' objects (iSCSI targets and initiators, Ceph pools and RBD,
 * DRBD resources, ...) that compile down to core types: a {@link io.kvmsdk.core.host.Plan}, a config
 * file's text, a core libvirt document. libvirt's own documents (storage pool, volume, secret) live
 * in core ({@code io.kvmsdk.core.storage}, {@code io.kvmsdk.core.secret}), not here. The fake
 * interpreters of this module's tools (tgtadm, iscsiadm, ceph, drbdadm, ...) go in
 * {@code io.kvmsdk.storage.fake}, the testkit being an optional dependency.
 */
@KvmStyle
package io.kvmsdk.storage;

import io.kvmsdk.core.KvmStyle;
