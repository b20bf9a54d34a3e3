/**
 * Element types that libvirt's documents share — {@code <vlan>}, {@code <bandwidth>},
 * {@code <virtualport>}, {@code <address>}, {@code <auth>}/{@code <secret>} references, source
 * {@code <host>} and {@code <encryption>} — used by domains, networks, network ports, storage pools and
 * volumes alike, with their mappings in {@link io.kvmsdk.core.common.CommonCodecs}.
 * Only types that appear in more than one libvirt document belong here.
 */
@KvmStyle
package io.kvmsdk.core.common;

import io.kvmsdk.core.KvmStyle;
