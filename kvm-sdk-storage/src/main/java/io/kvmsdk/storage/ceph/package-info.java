/**
 * Ceph for KVM hosts: the CRUSH map in crushtool's text form ({@link io.kvmsdk.storage.ceph.CrushMap}) with a
 * placement simulator exact to {@code crushtool --test}, CRUSH rules, pools, RBD images, snapshots and
 * mirroring schedules compiled to {@code ceph}/{@code rbd} command plans, and the libvirt {@code rbd} pool and
 * network disk with a cephx secret. The {@code ceph} plans are proven on a real ceph-mon; {@code rbd} plans need
 * OSDs and are shown as dry-run scripts ({@code Plan.toScript()}).
 */
@KvmStyle
package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.KvmStyle;
