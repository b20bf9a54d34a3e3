package io.kvmsdk.ha.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.testkit.FakeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic fakes ({@code install}, {@code cmp}, {@code mv}, {@code rm}, {@code pgrep}, {@code pkill}) answer as coreutils, diffutils and procps do. */
class FakeToolsContractTest {
  private Path dir;

  @BeforeEach void scratch() throws IOException { dir = Files.createTempDirectory("kvmsdk-ha-tools"); }

  @AfterEach void clean() throws IOException {
    try (var s = Files.walk(dir)) { s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
  }

  @Test void fileAndProcessToolsFailAndSucceedAsTheRealOnes() {
    String d = dir.toString();
    List<HostCommand> cmds = List.of(
        HostCommand.builder().args("install", "-D", "-m", "0600", "/dev/stdin", d + "/a/b.conf").stdin("one\n").build(),
        HostCommand.builder().args("cmp", "-s", "-", d + "/a/b.conf").stdin("one\n").build(),
        HostCommand.builder().args("cmp", "-s", "-", d + "/a/b.conf").stdin("two\n").build(),
        HostCommand.builder().args("cmp", "-s", "-", d + "/a/missing").stdin("two\n").build(),
        HostCommand.of("cmp", d + "/a/b.conf", d + "/a/missing"),
        HostCommand.builder().args("install", "-m", "0600", "/dev/stdin", d + "/nodir/x").stdin("x").build(),
        HostCommand.of("install", d + "/nope", d + "/a/c"),
        HostCommand.of("install", "-D", "-m", "0600", d + "/a/b.conf", d + "/c/d.conf"),
        HostCommand.of("cmp", "-s", d + "/a/b.conf", d + "/c/d.conf"),
        HostCommand.of("mv", "-f", d + "/c/d.conf", d + "/c/e.conf"),
        HostCommand.of("mv", "-f", d + "/c/d.conf", d + "/c/e.conf"),
        HostCommand.of("rm", "-f", d + "/c/e.conf", d + "/c/nope"),
        HostCommand.of("rm", d + "/c/nope"),
        HostCommand.of("pgrep", "-F", d + "/nope.pid"),
        HostCommand.of("pkill", "-HUP", "-F", d + "/nope.pid"));
    FakeHost fake = HaFakes.host("tools").withFile(d + "/.keep", "");
    LocalCommandRunner real = LocalCommandRunner.create();
    SoftAssertions soft = new SoftAssertions();
    for (HostCommand c : cmds) {
      CommandResult r = real.run(c);
      CommandResult f = fake.run(c);
      soft.assertThat(f.exitCode()).as("exit of `%s` (real stderr %s, fake %s)", c, r.stderr().strip(), f.stderr().strip()).isEqualTo(r.exitCode());
      soft.assertThat(f.stderr().strip()).as("stderr of `%s`", c).isEqualTo(r.stderr().strip());
    }
    soft.assertAll();
  }
}
