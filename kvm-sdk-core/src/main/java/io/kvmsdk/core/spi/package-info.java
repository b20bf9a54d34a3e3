/**
 * The hypervisor port: {@link io.kvmsdk.core.spi.Hypervisor} (the connection) with one driver per kind
 * of object as libvirt splits them ({@link io.kvmsdk.core.spi.DomainDriver},
 * {@link io.kvmsdk.core.spi.NetworkDriver}, {@link io.kvmsdk.core.spi.StoragePoolDriver},
 * {@link io.kvmsdk.core.spi.StorageVolumeDriver}, {@link io.kvmsdk.core.spi.NwFilterDriver},
 * {@link io.kvmsdk.core.spi.SecretDriver}, {@link io.kvmsdk.core.spi.NodeDriver}; networks, pools and
 * domains share {@link io.kvmsdk.core.spi.LifecycleDriver}), speaking XML strings, names and small
 * values, and {@link io.kvmsdk.core.spi.HypervisorProvider} (found by URI with {@link java.util.ServiceLoader}).
 * Implement these to plug another backend (a fake) into {@link io.kvmsdk.core.Kvm}. Nothing here
 * refers to the public handles ({@code Domain}, {@code Network}, ...), which are built on top.
 */
package io.kvmsdk.core.spi;
