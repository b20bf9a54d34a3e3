/**
 * libvirt's nwfilter documents, typed and lossless: {@link io.kvmsdk.core.nwfilter.NwFilterSpec}
 * ({@code <filter>}: rules with one list per protocol element, references to other filters, chain and
 * priorities) and {@link io.kvmsdk.core.nwfilter.NwFilterBindingSpec} ({@code <filterbinding>}). They
 * live in core because the hypervisor port speaks them and they share {@code <filterref>} with the
 * domain's interfaces. Host-tool specs that compile down to these documents belong in the feature
 * modules, not here; the handles (defining, listing) belong to the port layer.
 */
@KvmStyle
package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.KvmStyle;
