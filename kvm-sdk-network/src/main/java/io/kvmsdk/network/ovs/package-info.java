/**
 * Open vSwitch: where ovs-vsctl reaches the database ({@link io.kvmsdk.network.ovs.OvsDb}) and the
 * switch features a {@link io.kvmsdk.network.BridgeSpec} of kind OVS can carry (port mirroring,
 * sFlow sampling). The bridges, ports and bonds themselves are {@code io.kvmsdk.network} specs.
 */
@KvmStyle
package io.kvmsdk.network.ovs;

import io.kvmsdk.core.KvmStyle;
