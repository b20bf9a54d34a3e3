/**
 * Ready-made libvirt network filter policies built on core's {@link io.kvmsdk.core.nwfilter.NwFilterSpec}
 * factories (MAC, IP and ARP anti-spoofing, no BPDUs from guests, a clean-traffic set) and their use
 * from a guest's {@link io.kvmsdk.core.domain.Nic} with parameters. The filter document itself lives in
 * core; this package only chooses names, composes and applies.
 */
@KvmStyle
package io.kvmsdk.network.filter;

import io.kvmsdk.core.KvmStyle;
