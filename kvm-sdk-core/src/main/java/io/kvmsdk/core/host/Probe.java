package io.kvmsdk.core.host;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A batched check: one read-only command whose output several steps judge, each with its own
 * test. {@link Plan#apply} runs a probe's {@link #read()} once and reuses its output for every
 * later step that probes with the same command, until a change or undo command runs; so a plan of
 * fifty steps over one host reads the host once when everything is already done. A step that has
 * a probe is skipped when the test accepts the output; a rendered script ({@link Plan#toScript()})
 * uses the step's {@code check} command instead, or runs the change when there is none (the change
 * must then be harmless when already done); such a step is not undone by the script's rollback, which
 * cannot tell whether it was done before the run: the script prints its undo instead.
 *
 * <pre>{@code
 * Probe up = Probe.of(HostCommand.of("ip", "-j", "-d", "addr", "show"), "br0 is up",
 *     json -> json.contains("\"ifname\":\"br0\""));
 * Step.builder("bring br0 up").probe(up).change(HostCommand.of("ip", "link", "set", "br0", "up")).build();
 * }</pre>
 */
public final class Probe {
  private final HostCommand read;
  private final String expectation;
  private final Predicate<String> test;

  private Probe(HostCommand read, String expectation, Predicate<String> test) {
    this.read = Objects.requireNonNull(read, "read");
    this.expectation = Objects.requireNonNull(expectation, "expectation");
    this.test = Objects.requireNonNull(test, "test");
  }

  /**
   * A probe that runs {@code read} (exit 0 expected; any other exit means "not done") and calls the
   * step done when {@code test} accepts its stdout; {@code expectation} says in words what the test wants.
   */
  public static Probe of(HostCommand read, String expectation, Predicate<String> test) {
    return new Probe(read, expectation, test);
  }

  /** The read-only command whose output is judged; steps probing with equal commands share one run. */
  public HostCommand read() { return read; }

  /** What the test wants, in words (shown by {@link Plan#toString()}). */
  public String expectation() { return expectation; }

  /** True when {@code stdout} of {@link #read()} shows the step done. */
  public boolean test(String stdout) { return test.test(stdout); }

  /** Equal when the read and the expectation are (the test is not compared). */
  @Override public boolean equals(Object o) {
    return o instanceof Probe && ((Probe) o).read.equals(read) && ((Probe) o).expectation.equals(expectation);
  }

  @Override public int hashCode() { return Objects.hash(read, expectation); }

  @Override public String toString() { return read + " -> " + expectation; }
}
