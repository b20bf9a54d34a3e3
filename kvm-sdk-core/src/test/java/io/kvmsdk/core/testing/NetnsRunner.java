package io.kvmsdk.core.testing;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import java.util.Map;

/** A {@link CommandRunner} that runs every command inside a network namespace ({@code ip netns exec NS ...}). */
public final class NetnsRunner implements CommandRunner {
  private final String namespace;
  private final LocalCommandRunner local = LocalCommandRunner.create();

  public NetnsRunner(Netns ns) { this(ns.name()); }

  public NetnsRunner(String namespace) { this.namespace = namespace; }

  @Override public CommandResult run(HostCommand command) {
    HostCommand.Builder b = HostCommand.builder().args("ip", "netns", "exec", namespace).timeout(command.timeout());
    for (Arg a : command.args()) b.arg(a);
    command.stdin().ifPresent(in -> {
      if (command.stdinSecret()) b.secretStdin(in); else b.stdin(in);
    });
    for (Map.Entry<String, Arg> e : command.env().entrySet()) {
      if (e.getValue().isSecret()) b.secretEnv(e.getKey(), e.getValue().value()); else b.env(e.getKey(), e.getValue().value());
    }
    return local.run(b.build());
  }

  @Override public String host() { return "netns " + namespace; }
}
