/**
 * libvirt's network documents, typed and lossless: {@link io.kvmsdk.core.network.NetworkSpec}
 * ({@code <network>}) and {@link io.kvmsdk.core.network.NetworkPortSpec} ({@code <networkport>}),
 * one class per element, sharing vlan, bandwidth, virtualport and address with the domain
 * ({@code io.kvmsdk.core.common}). {@code build()}/{@code fromXml} apply libvirt's parser rules;
 * {@code validate()} the network driver's. They live in core because the hypervisor port speaks
 * them; host-tool specs that compile down to these documents belong in the feature modules.
 */
@KvmStyle
package io.kvmsdk.core.network;

import io.kvmsdk.core.KvmStyle;
