package io.kvmsdk.testkit;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.HypervisorProvider;

/**
 * Opens {@code fake:///NAME} (and {@code fake://NAME}) as a connection to host NAME of the
 * {@link FakeCluster#current() current} fake cluster; registered for {@link java.util.ServiceLoader}.
 */
public final class FakeHypervisorProvider implements HypervisorProvider {
  @Override public boolean accepts(String uri) { return uri != null && uri.startsWith("fake:"); }

  @Override public Hypervisor open(String uri) {
    String rest = uri.substring("fake:".length());
    String name = rest.startsWith("///") ? rest.substring(3) : rest.startsWith("//") ? rest.substring(2) : rest;
    int q = name.indexOf('?');
    if (q >= 0) name = name.substring(0, q);
    if (name.endsWith("/")) name = name.substring(0, name.length() - 1);
    if (name.isEmpty() || name.contains("/")) {
      throw new KvmException("a fake URI names one host: fake:///NAME (e.g. fake:///hv1), got '" + uri + "'");
    }
    return FakeCluster.current().hypervisor(name);
  }

  @Override public int priority() { return 100; }
}
