/**
 * Host networking: specs of the host tools' objects (Linux bridges and VLANs, Open vSwitch, nftables,
 * dnsmasq, ...) that compile down to core types: a {@link io.kvmsdk.core.host.Plan}, a config file's
 * text, a core libvirt document. libvirt's own documents (network, network port, nwfilter) live in
 * core ({@code io.kvmsdk.core.network}, {@code io.kvmsdk.core.nwfilter}), not here. The fake
 * interpreters of this module's tools (ovs-vsctl, nft, ...) go in {@code io.kvmsdk.network.fake},
 * the testkit being an optional dependency.
 */
@KvmStyle
package io.kvmsdk.network;

import io.kvmsdk.core.KvmStyle;
