package io.kvmsdk.core.spi;

import io.kvmsdk.core.KvmException;

/**
 * A provider registered only on core's test class path: accepts {@code kvmsdk-echo:} URIs (and,
 * to check that priority decides, {@code test:///kvmsdk-echo}), opening nothing real.
 */
public final class HypervisorProviderEchoForTest implements HypervisorProvider {
  @Override public boolean accepts(String uri) { return uri.startsWith("kvmsdk-echo:") || uri.equals("test:///kvmsdk-echo"); }

  @Override public Hypervisor open(String uri) { throw new KvmException("echo provider opened " + uri); }

  @Override public int priority() { return 10; }
}
