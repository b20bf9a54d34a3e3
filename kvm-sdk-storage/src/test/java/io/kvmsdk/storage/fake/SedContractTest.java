package io.kvmsdk.storage.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.testkit.FakeHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake sed against GNU sed, on the scripts the plans' checks use and their edge cases. */
class SedContractTest {
  static final String LISTING = """
      Target 1: iqn.2026-01.io.kvmsdk:a
          LUN information:
              LUN: 1
                  Backing store path: /srv/a.img
              LUN: 10
                  Backing store path: /srv/b.img
          Account information:
              u1
              u2 (outgoing)
          ACL information:
              ALL
      Target 10: iqn.2026-01.io.kvmsdk:b
          LUN information:
              LUN: 1
                  Backing store path: /srv/c.img
          Account information:
          ACL information:
              iqn.2026-01.io.kvmsdk:hv1
      """;
  static final String SESSIONS = "tcp: [1] 192.0.2.10:3260,1 iqn.2026-01.io.kvmsdk:vmstore (non-flash)\ntcp: [2] 192.0.2.11:3260,1 iqn.2026-01.io.kvmsdk:vmstore\n";

  @Test void answersAsGnuSed() {
    Oracles.require(Proc.has("sed"), "sed is not installed");
    List<List<String>> scripts = List.of(
        List.of("-n", "/^Target 1: /,/^Target /p"),
        List.of("-n", "/^Target 10: /,/^Target /p"),
        List.of("-n", "/^        LUN: 1$/,/^        LUN: /p"),
        List.of("-n", "/^    Account information:$/,/^    ACL information:$/p"),
        List.of("-n", "/^    ACL information:$/,/^Target /p"),
        List.of("-n", "/^Target 1: iqn\\.2026-01\\.io\\.kvmsdk:a$/q1"),
        List.of("-n", "/^Target 2: iqn\\.2026-01\\.io\\.kvmsdk:a$/q1"),
        List.of("-n", "/^    u1$/q1"),
        List.of("-E", "-n", "/ 192\\.0\\.2\\.10:3260,[0-9]+ iqn\\.2026-01\\.io\\.kvmsdk:vmstore( |$)/q1"),
        List.of("-E", "-n", "/ 192\\.0\\.2\\.11:3260,[0-9]+ iqn\\.2026-01\\.io\\.kvmsdk:vmstore( |$)/q1"),
        List.of("-E", "-n", "/ 192\\.0\\.2\\.12:3260,[0-9]+ iqn\\.2026-01\\.io\\.kvmsdk:vmstore( |$)/q1"),
        List.of("-n", "/\\/srv\\/a\\.img/p"),
        List.of("-n", "2,4p"),
        List.of("-n", "$p"),
        List.of("/LUN/d"),
        List.of("3q"),
        List.of("-n", "/a[b-d]*\\(c\\)\\{0,1\\}/p"),
        List.of("-n", "/x/y"));
    LocalCommandRunner real = LocalCommandRunner.create();
    FakeHost fake = StorageFakes.host("sed");
    List<String> diffs = new ArrayList<>();
    for (String input : List.of(LISTING, SESSIONS, "")) {
      for (List<String> s : scripts) {
        List<String> argv = new ArrayList<>(List.of("sed"));
        argv.addAll(s);
        HostCommand c = HostCommand.builder().args(argv).stdin(input).build();
        CommandResult r = real.run(c);
        CommandResult f = fake.run(c);
        boolean sameError = r.exitCode() != 0 && f.exitCode() == r.exitCode() && !r.stderr().isEmpty() && !f.stderr().isEmpty();
        if (r.exitCode() != f.exitCode() || !r.stdout().equals(f.stdout()) || (!sameError && !r.stderr().equals(f.stderr()))) {
          diffs.add(s + " on " + input.lines().findFirst().orElse("(empty)") + ": real " + r.exitCode() + " " + r.stdout() + r.stderr()
              + " / fake " + f.exitCode() + " " + f.stdout() + f.stderr());
        }
      }
    }
    assertThat(diffs).isEmpty();
  }
}
