/**
 * GlusterFS: {@link io.kvmsdk.storage.gluster.GlusterVolume} (replica/arbiter bricks across hosts,
 * volume options) compiled to {@code gluster} peer, volume create/set/start plans and to the
 * libvirt {@code gluster} pool (libgfapi).
 */
@KvmStyle
package io.kvmsdk.storage.gluster;

import io.kvmsdk.core.KvmStyle;
