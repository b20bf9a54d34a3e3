package io.kvmsdk.network;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs every command inside network namespace {@code ns} ({@code ip netns exec}) and counts the processes started. */
final class NetnsRunner implements CommandRunner {
  private final LocalCommandRunner local = LocalCommandRunner.create();
  final String ns;
  final AtomicInteger processes = new AtomicInteger();
  final List<String> ran = new ArrayList<>();

  NetnsRunner(String ns) { this.ns = ns; }

  @Override public synchronized CommandResult run(HostCommand c) {
    processes.incrementAndGet();
    ran.add(String.join(" ", c.argv()));
    HostCommand.Builder b = HostCommand.builder().args("ip", "netns", "exec", ns).args(c.argv()).timeout(c.timeout());
    c.stdin().ifPresent(b::stdin);
    return local.run(b.build());
  }

  @Override public String host() { return "netns " + ns; }

  synchronized void reset() {
    processes.set(0);
    ran.clear();
  }

  /** Runs {@code argv} on the host itself (not in the namespace). */
  static CommandResult onHost(String... argv) { return LocalCommandRunner.create().run(HostCommand.of(List.of(argv))); }

  /** Skips (or fails under -Dkvmsdk.requireTools) unless this is root with iproute2. */
  static void requireRootAndIp() {
    CommandResult id = onHost("id", "-u");
    Oracles.require(id.ok() && id.stdout().strip().equals("0"), "network namespaces need root");
    Oracles.require(onHost("ip", "-V").ok(), "iproute2's ip is not installed");
  }
}
