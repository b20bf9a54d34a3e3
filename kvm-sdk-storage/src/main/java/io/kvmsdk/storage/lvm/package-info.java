/**
 * LVM: {@link io.kvmsdk.storage.lvm.VolumeGroup} (physical volumes, the group, its logical volumes)
 * compiled to pvcreate/vgcreate/vgextend/lvcreate/lvextend plans and to the libvirt {@code logical}
 * pool that carves guest volumes out of the group.
 */
@KvmStyle
package io.kvmsdk.storage.lvm;

import io.kvmsdk.core.KvmStyle;
