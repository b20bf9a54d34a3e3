/**
 * iSCSI: {@link io.kvmsdk.storage.iscsi.IscsiTarget} (the target side, compiled to tgt's tgtadm
 * plans and targets.conf, or to LIO's targetcli plans and saveconfig JSON) and the initiator side:
 * libvirt iscsi/iscsi-direct pools and network disks with CHAP through a libvirt secret,
 * {@link io.kvmsdk.storage.iscsi.IscsiInitiator} (open-iscsi discovery and login plans) and
 * {@link io.kvmsdk.storage.iscsi.MultipathConf} (multipath.conf with ALUA). Ceph's RBD lives in
 * {@code io.kvmsdk.storage.ceph}, not here.
 */
@KvmStyle
package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.KvmStyle;
