/**
 * DRBD: {@link io.kvmsdk.ha.drbd.DrbdResource} (a replicated block device: protocol, volumes,
 * nodes, net and disk options) rendered as a {@code .res} file and parsed back, the
 * {@link io.kvmsdk.ha.drbd.DrbdService} plans that put it on a node with {@code drbdadm}, the
 * libvirt disk that uses the device and the Pacemaker promotable clone that manages it.
 */
@KvmStyle
package io.kvmsdk.ha.drbd;

import io.kvmsdk.core.KvmStyle;
