package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single ceph-mon of {@code scripts/oracles.sh start ceph} (auth none, no OSDs), reached as
 * {@code ip netns exec $ORACLE_NETNS ceph -c $CEPH_CONF ...}: a {@link CommandRunner} that runs a plan's
 * {@code ceph} commands against it.
 */
final class CephMon implements CommandRunner {
  private final String netns = System.getenv("ORACLE_NETNS");
  private final String conf = System.getenv("CEPH_CONF");
  private final LocalCommandRunner local = LocalCommandRunner.create();

  static CephMon require() {
    String conf = System.getenv("CEPH_CONF");
    Oracles.require(conf != null && System.getenv("ORACLE_NETNS") != null && Files.isReadable(Path.of(conf)),
        "no ceph-mon: run scripts/oracles.sh start ceph and source its env (CEPH_CONF, ORACLE_NETNS)");
    CephMon mon = new CephMon();
    Oracles.require(mon.ceph("-s").exitCode() == 0, "the ceph-mon of " + conf + " does not answer");
    return mon;
  }

  @Override public CommandResult run(HostCommand command) {
    List<Arg> args = command.args();
    HostCommand.Builder b = HostCommand.builder().args("ip", "netns", "exec", netns).timeout(command.timeout());
    b.arg(args.get(0));
    if (args.get(0).value().equals("ceph")) b.args("-c", conf);
    for (Arg a : args.subList(1, args.size())) b.arg(a);
    command.stdin().ifPresent(in -> {
      if (command.stdinSecret()) b.secretStdin(in); else b.stdin(in);
    });
    return local.run(b.build());
  }

  @Override public String host() { return "ceph-mon in netns " + netns; }

  CommandResult ceph(String... args) {
    List<String> argv = new ArrayList<>(List.of("ceph"));
    argv.addAll(List.of(args));
    return run(HostCommand.of(argv));
  }

  String cephOk(String... args) {
    CommandResult r = ceph(args);
    if (r.exitCode() != 0) throw new AssertionError("ceph " + String.join(" ", args) + " failed (" + r.exitCode() + "): " + r.stderr());
    return r.stdout();
  }
}
