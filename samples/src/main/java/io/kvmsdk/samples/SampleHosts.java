package io.kvmsdk.samples;

import io.kvmsdk.core.host.CommandRunner;
import java.util.Optional;

/**
 * Where the network samples' {@code main} applies its plans: a fake host of the testkit when it is
 * on the class path (it is at run time in this module), found by name so that the samples themselves
 * depend only on the SDK's API; otherwise nowhere (the sample prints its plan and a dry-run script).
 */
final class SampleHosts {
  private SampleHosts() {}

  /** A fresh fake host named {@code name} with physical NICs {@code nics}, or empty without the testkit. */
  static Optional<CommandRunner> fake(String name, String... nics) {
    try {
      Class<?> c = Class.forName("io.kvmsdk.testkit.FakeHost");
      Object host = c.getMethod("create", String.class).invoke(null, name);
      for (String nic : nics) host = c.getMethod("withPhysicalLink", String.class).invoke(host, nic);
      return Optional.of((CommandRunner) host);
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }
}
