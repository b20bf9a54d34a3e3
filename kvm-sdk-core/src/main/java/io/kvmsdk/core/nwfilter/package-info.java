/**
 * libvirt's nwfilter documents, typed and lossless (they live in core because the hypervisor port speaks
 * them and they share element types with the domain). Host-tool specs that compile down to these
 * documents belong in the feature modules, not here.
 */
@KvmStyle
package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.KvmStyle;
