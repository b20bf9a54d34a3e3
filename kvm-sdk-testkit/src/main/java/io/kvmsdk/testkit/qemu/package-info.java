/**
 * The fake hypervisor's model of libvirt 9.0's QEMU driver (QEMU 7.2, TCG, x86_64): what libvirt fills
 * in a domain definition at define ({@link io.kvmsdk.testkit.qemu.QemuDefaults#inactive}) and at start
 * ({@link io.kvmsdk.testkit.qemu.QemuDefaults#live}), with the per-host generated values in
 * {@link io.kvmsdk.testkit.qemu.QemuHost}. Policy, not mapping: it works on the typed model of
 * {@code io.kvmsdk.core.domain} and never touches XML. Used by the testkit's fake; not an API for users.
 */
package io.kvmsdk.testkit.qemu;
