package io.kvmsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class OracleSkipGuardTest {
  /** Tests that meet a missing oracle in the shapes that used to turn a skip into a failure (or a pass). */
  static class Shapes {
    @Test void skipCaughtAsTheExpectedThrow() {
      assertThatThrownBy(() -> Oracles.require(false, "the widget corpus is absent")).isInstanceOf(IllegalStateException.class);
    }

    @Test void skipSwallowed() {
      try {
        Oracles.require(false, "the widget tool is absent");
      } catch (Throwable ignored) {
        // a careless catch-all
      }
    }

    @Test void plainSkip() { Oracles.require(false, "plainly absent"); }

    @Test void oracleHere() { Oracles.require(true, "never said"); }
  }

  static Map<String, String> run(Class<?> tests) {
    Map<String, String> outcomes = new TreeMap<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests))
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build(), new TestExecutionListener() {
          @Override public void executionFinished(TestIdentifier id, TestExecutionResult r) {
            if (id.isTest()) {
              outcomes.put(id.getDisplayName(), r.getStatus() + r.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
          }
        });
    return outcomes;
  }

  @Test
  void aMissingOracleIsASkipWithItsReasonWhateverTheTestDidWithIt() {
    Map<String, String> o = run(Shapes.class);

    if (Oracles.required()) {
      assertThat(o).hasEntrySatisfying("skipCaughtAsTheExpectedThrow()", s -> assertThat(s).startsWith("FAILED: required oracle missing")
          .contains("the widget corpus is absent"));
      assertThat(o).hasEntrySatisfying("skipSwallowed()", s -> assertThat(s).startsWith("FAILED: required oracle missing"));
    } else {
      assertThat(o).containsEntry("skipCaughtAsTheExpectedThrow()", "ABORTED: the widget corpus is absent")
          .containsEntry("skipSwallowed()", "ABORTED: the widget tool is absent (the test caught the skip and went on)")
          .containsEntry("plainSkip()", "ABORTED: plainly absent");
    }
    assertThat(o).containsEntry("oracleHere()", "SUCCESSFUL");
  }
}
