/**
 * NFS: {@link io.kvmsdk.storage.nfs.NfsExports} (the server's {@code /etc/exports.d} file and the
 * {@code exportfs} plan) and the libvirt {@code netfs} pool that mounts an export with NFS 4.1 and
 * mount options ({@link io.kvmsdk.storage.nfs.NfsExport#libvirtPool}).
 */
@KvmStyle
package io.kvmsdk.storage.nfs;

import io.kvmsdk.core.KvmStyle;
