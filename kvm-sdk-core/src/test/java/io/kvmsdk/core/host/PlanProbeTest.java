package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Probes: one read shared by many steps, re-read after a change, and ignored by scripts. */
class PlanProbeTest {
  /** A host whose "state" is a set of words; {@code show} prints them, {@code add W} adds one. */
  static final class WordHost implements CommandRunner {
    final Set<String> words = new HashSet<>();
    final List<String> ran = new ArrayList<>();

    @Override public CommandResult run(HostCommand c) {
      ran.add(String.join(" ", c.argv()));
      if (c.argv().get(1).equals("add")) words.add(c.argv().get(2));
      return CommandResult.of(c, host(), 0, c.argv().get(1).equals("show") ? String.join(",", new java.util.TreeSet<>(words)) : "", "");
    }

    @Override public String host() { return "words"; }
  }

  private static final HostCommand SHOW = HostCommand.of("w", "show");

  private static Step add(String word) {
    return Step.builder("add " + word)
        .probe(Probe.of(SHOW, "has " + word, out -> List.of(out.split(",")).contains(word)))
        .change(HostCommand.of("w", "add", word))
        .build();
  }

  @Test
  void aConvergedHostIsReadOnceForAllSteps() {
    Plan plan = Plan.of(add("a"), add("b"), add("c"), add("d"));
    WordHost host = new WordHost();
    PlanResult first = plan.apply(host);
    assertThat(first.changed()).isTrue();
    assertThat(host.words).containsExactlyInAnyOrder("a", "b", "c", "d");
    // each change makes the next step read again
    assertThat(host.ran).containsExactly("w show", "w add a", "w show", "w add b", "w show", "w add c", "w show", "w add d");

    host.ran.clear();
    PlanResult again = plan.apply(host);
    assertThat(again.changed()).isFalse();
    assertThat(host.ran).containsExactly("w show");
  }

  @Test
  void aPartlyDoneHostReadsAgainOnlyAfterAChange() {
    WordHost host = new WordHost();
    host.words.addAll(List.of("a", "c"));
    Plan.of(add("a"), add("b"), add("c"), add("d")).apply(host);
    assertThat(host.ran).containsExactly("w show", "w add b", "w show", "w add d");
  }

  @Test
  void theProbeShowsInThePlanAndScriptsUseTheCheck() {
    Step s = add("a").toBuilder().check(HostCommand.of("w", "has", "a")).build();
    assertThat(Plan.of(s).toString()).contains("probe:  w show -> has a").contains("check:  w has a");
    assertThat(Plan.of(s).toScript()).contains("if w has a >/dev/null 2>&1; then :; else").doesNotContain("w show");
    assertThat(Plan.of(add("a")).toScript()).contains("\nw add a\n");
  }
}
