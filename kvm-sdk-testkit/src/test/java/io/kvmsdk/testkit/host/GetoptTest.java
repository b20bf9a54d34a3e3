package io.kvmsdk.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@link Getopt} against util-linux {@code getopt}, which parses with glibc's {@code getopt_long}
 * and lets it print its messages: same options, operands and error lines for every case.
 */
class GetoptTest {
  private static final String SHORT = "ab:c::";
  private static final String[] LONG = {"foo", "far", "bar:", "opt::"};
  private static final Set<String> OPTIONAL = Set.of("c", "opt");

  private static final List<List<String>> CASES = List.of(
      List.of("-x"), List.of("-b"), List.of("--foo=1"), List.of("--bar"), List.of("--fo"), List.of("--f"), List.of("--f=2"),
      List.of("--nope"), List.of("--nope=3"), List.of("-a", "--", "-c"), List.of("x", "-a", "y", "--bar=3", "-bz", "-ac"),
      List.of("-cb"), List.of("-cz", "-c", "w"), List.of("--ba", "5"), List.of("-"), List.of("--"), List.of("--o"), List.of("--opt=5"),
      List.of("--op", "5"), List.of("-a", "-x", "-b"), List.of("-abq"), List.of("--bar="), List.of("-b", ""), List.of("---x"),
      List.of("--fa", "--foo", "-bb", "-b", "--", "--bar"), List.of("-W", "foo"), List.of());

  @Test void parsesAndComplainsLikeGlibc() {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/getopt")), "util-linux getopt (the glibc getopt_long oracle) is not installed");
    LocalCommandRunner real = LocalCommandRunner.create();
    Getopt getopt = Getopt.of("prog", SHORT, LONG);
    SoftAssertions soft = new SoftAssertions();
    for (List<String> args : CASES) {
      List<String> argv = new ArrayList<>(List.of("getopt", "-n", "prog", "-o", SHORT, "-l", String.join(",", LONG), "--"));
      argv.addAll(args);
      CommandResult r = real.run(HostCommand.of(argv));
      Getopt.Parsed p = getopt.parse(args);
      soft.assertThat(p.errors()).as("errors for %s", args).isEqualTo(r.stderr().lines().toList());
      soft.assertThat(p.ok()).as("ok for %s", args).isEqualTo(r.exitCode() == 0);
      soft.assertThat(render(p)).as("options and operands for %s", args).isEqualTo(r.stdout().strip());
    }
    soft.assertAll();
  }

  @Test void aPlusStopsAtTheFirstOperand() {
    Getopt.Parsed p = Getopt.of("prog", "+ab:").parse("-a", "x", "-b", "1");
    assertThat(p.options()).extracting(Getopt.Option::toString).containsExactly("-a");
    assertThat(p.operands()).containsExactly("x", "-b", "1");
  }

  @Test void valuesAndFlagsAreEasyToRead() {
    Getopt.Parsed p = Getopt.of("tgtadm", "L:o:m:", "lld:", "op:", "mode:", "tid:").parse("--lld", "iscsi", "--op", "new", "-m", "target", "--tid=1", "--tid", "2");
    assertThat(p.ok()).isTrue();
    assertThat(p.value("op")).contains("new");
    assertThat(p.value("m")).contains("target");
    assertThat(p.value("tid")).as("the last one wins").contains("2");
    assertThat(p.values("tid")).containsExactly("1", "2");
    assertThat(p.has("lld")).isTrue();
    assertThat(p.has("L")).isFalse();
  }

  /** The options and operands as getopt prints them: {@code -a --bar '3' -- 'x'}. */
  private static String render(Getopt.Parsed p) {
    StringBuilder sb = new StringBuilder();
    for (Getopt.Option o : p.options()) {
      sb.append(' ').append(o.name().length() == 1 ? "-" : "--").append(o.name());
      if (o.value().isPresent()) sb.append(" '").append(o.value().get()).append('\'');
      else if (OPTIONAL.contains(o.name())) sb.append(" ''");
    }
    sb.append(" --");
    for (String a : p.operands()) sb.append(" '").append(a).append('\'');
    return sb.toString().strip();
  }
}
