/**
 * Persistence: the same specs the plans apply, rendered to the configuration a host reads at
 * boot — systemd-networkd {@code .netdev}/{@code .network} files ({@link io.kvmsdk.network.persist.Networkd})
 * or ifupdown2's {@code /etc/network/interfaces} ({@link io.kvmsdk.network.persist.Ifupdown2}).
 * Open vSwitch keeps its own configuration in its database, so OVS bridges need no file.
 */
@KvmStyle
package io.kvmsdk.network.persist;

import io.kvmsdk.core.KvmStyle;
