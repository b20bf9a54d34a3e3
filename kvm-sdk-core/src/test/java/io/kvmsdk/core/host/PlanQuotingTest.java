package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.PlanQuoting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Plan#toScript()} under every {@link Fuzz#HOSTILE} value, run by bash and dash: arguments and stdin arrive unchanged. */
class PlanQuotingTest {
  @Test void hostileArgumentsDescriptionsAndStdinReachTheProgramUnchanged() {
    Oracles.require(PlanQuoting.available(), "neither bash nor dash is installed");
    List<String> values = new ArrayList<>(Fuzz.HOSTILE);
    values.addAll(HostTesting.ADVERSARIAL);
    Plan.Builder plan = Plan.builder();
    for (String v : values) {
      if (v.indexOf('\0') >= 0) continue;
      plan.step(Step.builder("make " + v).check(HostCommand.of("stat", "--", v))
          .change(HostCommand.builder().args("tool", "--name=" + v, v, "x" + v + "y").stdin(v.getBytes(StandardCharsets.UTF_8)).build())
          .undo(HostCommand.of("tool", "delete", v).withSudo()));
    }
    PlanQuoting.Result r = PlanQuoting.check(plan.build(), new PlanQuoting.Result());
    System.out.println("plan quoting: " + r);
    assertThat(r.failures).isEmpty();
    assertThat(r.runs).isGreaterThan(values.size());
  }
}
