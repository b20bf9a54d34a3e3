/**
 * The hypervisor port: {@link io.kvmsdk.core.spi.Hypervisor} (libvirt's API as XML strings and
 * small values) and {@link io.kvmsdk.core.spi.HypervisorProvider} (found by URI with
 * {@link java.util.ServiceLoader}). Implement these to plug another backend (a fake) into
 * {@link io.kvmsdk.core.Kvm}.
 */
package io.kvmsdk.core.spi;
