/**
 * keepalived.conf as types: {@link io.kvmsdk.ha.keepalived.KeepalivedConf} (global_defs, vrrp_script,
 * bfd_instance, vrrp_sync_group, vrrp_instance), rendered by one quoting writer and parsed back into
 * the same types; statements no type covers are kept verbatim. {@link io.kvmsdk.ha.VipGroup} compiles
 * to it; {@link io.kvmsdk.ha.keepalived.KeepalivedService} is the plan that installs and reloads it.
 */
@KvmStyle
package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.KvmStyle;
