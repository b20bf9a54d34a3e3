package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.HypervisorProvider;

/**
 * The default provider: every URI that is not {@code fake:}, through libvirt-java and JNA. Touches
 * no libvirt class until {@link #open(String)} has checked that the jars and libvirt.so.0 are there.
 */
public final class LibvirtHypervisorProvider implements HypervisorProvider {
  @Override public boolean accepts(String uri) { return !uri.startsWith("fake:"); }

  @Override public int priority() { return -100; }

  @Override public Hypervisor open(String uri) {
    LibvirtUris.check(uri);
    LibvirtRuntime.missing(LibvirtHypervisorProvider.class.getClassLoader()).ifPresent(m -> {
      throw new KvmException("cannot connect to '" + uri + "': " + m);
    });
    return LibvirtHypervisor.open(uri);
  }
}
