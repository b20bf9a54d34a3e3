/**
 * The host's capabilities, read-only: {@link io.kvmsdk.core.capabilities.HostCapabilities} (libvirt's
 * {@code <capabilities>}) and {@link io.kvmsdk.core.capabilities.DomainCapabilities} ({@code
 * <domainCapabilities>}), typed and lossless, plus {@link io.kvmsdk.core.capabilities.CapsGuestPlatform},
 * the policy that picks an emulator, machine, CPU mode and firmware from them.
 */
@KvmStyle
package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.KvmStyle;
