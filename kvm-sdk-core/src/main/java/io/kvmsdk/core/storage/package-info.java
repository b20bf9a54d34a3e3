/**
 * libvirt's storage documents, typed and lossless (they live in core because the hypervisor port speaks
 * them and they share element types with the domain). Host-tool specs that compile down to these
 * documents belong in the feature modules, not here.
 *
 * <p>{@link io.kvmsdk.core.storage.StoragePoolSpec} ({@code <pool>}) and
 * {@link io.kvmsdk.core.storage.StorageVolumeSpec} ({@code <volume>}) type every element and attribute of
 * libvirt's storagepool, storagevol and storagecommon schemas; {@code build()} and {@code fromXml} apply
 * the rules libvirt applies when it parses them, {@code validate()} the rules it applies later (pool-build,
 * pool-start, vol-create).
 */
@KvmStyle
package io.kvmsdk.core.storage;

import io.kvmsdk.core.KvmStyle;
