/**
 * Host tuning for virtualization: a sysctl profile ({@link io.kvmsdk.network.tuning.SysctlProfile}:
 * forwarding, reverse-path filtering, listen backlog, bridge netfilter, neighbour tables, TCP window
 * scaling) as a plan and as an {@code /etc/sysctl.d} file, and per-interface MTU and offloads
 * ({@link io.kvmsdk.network.tuning.InterfaceTuning}, through {@code ip} and {@code ethtool}).
 */
@KvmStyle
package io.kvmsdk.network.tuning;

import io.kvmsdk.core.KvmStyle;
