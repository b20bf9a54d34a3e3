/**
 * ZFS: {@link io.kvmsdk.storage.zfs.ZfsPool} (vdevs, pool and dataset properties such as
 * compression, zvols and datasets) compiled to zpool/zfs plans and to the libvirt {@code zfs} pool.
 */
@KvmStyle
package io.kvmsdk.storage.zfs;

import io.kvmsdk.core.KvmStyle;
