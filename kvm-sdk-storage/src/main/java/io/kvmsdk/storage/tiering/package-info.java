/**
 * Storage tiering: {@link io.kvmsdk.storage.tiering.TieringPolicy} places each new volume
 * ({@link io.kvmsdk.storage.tiering.VolumeRequest}) in one of several libvirt pools
 * ({@link io.kvmsdk.storage.tiering.StorageTier}: an SSD pool, an HDD pool, ...) by its I/O profile,
 * its size and the room each pool has left, and says why ({@link io.kvmsdk.storage.tiering.Placement}).
 */
@KvmStyle
package io.kvmsdk.storage.tiering;

import io.kvmsdk.core.KvmStyle;
