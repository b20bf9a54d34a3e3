/**
 * BGP with ECMP through bird2: a typed config ({@link io.kvmsdk.network.bgp.BirdConfig}: router id,
 * local AS, neighbours with optional BFD and password, multipath, the prefixes to announce) rendered
 * to {@code bird.conf}. Typically a hypervisor peering with its two top-of-rack switches, announcing
 * its guests' or VIPs' prefixes and installing the default route over both.
 */
@KvmStyle
package io.kvmsdk.network.bgp;

import io.kvmsdk.core.KvmStyle;
