package io.kvmsdk.core.spi;

/**
 * Opens {@link Hypervisor} connections for the URIs it accepts; found with
 * {@link java.util.ServiceLoader}. The provider with the highest {@link #priority()} among those
 * that accept a URI wins, so a test fake for {@code fake:///NAME} can sit beside the libvirt
 * adapter (priority {@code -100}, accepts every URI that is not {@code fake:}).
 */
public interface HypervisorProvider {
  /** True when {@link #open(String)} can handle {@code uri}. */
  boolean accepts(String uri);

  /** Opens a connection; throws a {@link io.kvmsdk.core.KvmException} naming the cause on failure. */
  Hypervisor open(String uri);

  /** Higher wins among providers that accept the same URI. */
  default int priority() { return 0; }
}
