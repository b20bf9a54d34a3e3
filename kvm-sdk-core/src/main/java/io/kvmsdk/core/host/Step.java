package io.kvmsdk.core.host;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Plan}: a description, an optional {@code check} command (exit 0 means the
 * step is already done, so it is skipped), the {@code change} commands that do it, and optional
 * {@code undo} commands that revert it when a later step fails. Immutable.
 *
 * <pre>{@code
 * Step.builder("create bridge br0")
 *     .check(HostCommand.of("ip", "link", "show", "br0"))
 *     .change(HostCommand.of("ip", "link", "add", "br0", "type", "bridge"))
 *     .undo(HostCommand.of("ip", "link", "del", "br0"))
 *     .build();
 * }</pre>
 */
public final class Step {
  private final String description;
  private final HostCommand check;
  private final Probe probe;
  private final List<HostCommand> change;
  private final List<HostCommand> undo;

  private Step(Builder b) {
    if (b.description == null || b.description.isBlank()) throw new InvalidSpecException("step/description", "must not be blank");
    if (b.change.isEmpty()) {
      throw new InvalidSpecException("step[" + b.description + "]/change", "a step needs at least one change command");
    }
    this.description = b.description;
    this.check = b.check;
    this.probe = b.probe;
    this.change = List.copyOf(b.change);
    this.undo = List.copyOf(b.undo);
  }

  /** A step that always runs {@code change} (no check, no undo). */
  public static Step of(String description, HostCommand change) {
    return builder(description).change(change).build();
  }

  public static Builder builder(String description) { return new Builder(description); }

  /** A builder holding this step's values. */
  public Builder toBuilder() {
    Builder b = new Builder(description);
    b.check = check;
    b.probe = probe;
    b.change.addAll(change);
    b.undo.addAll(undo);
    return b;
  }

  /** What the step does, in words. */
  public String description() { return description; }

  /** The command whose exit 0 means the step is already done. */
  public Optional<HostCommand> check() { return Optional.ofNullable(check); }

  /** The batched check {@link Plan#apply} prefers to {@link #check()}; see {@link Probe}. */
  public Optional<Probe> probe() { return Optional.ofNullable(probe); }

  /** The commands that do the step, run in order. */
  public List<HostCommand> change() { return change; }

  /** The commands that revert the step, run in order; empty when the step cannot be rolled back. */
  public List<HostCommand> undo() { return undo; }

  @Override public boolean equals(Object o) {
    if (!(o instanceof Step)) return false;
    Step s = (Step) o;
    return description.equals(s.description) && Objects.equals(check, s.check) && Objects.equals(probe, s.probe) && change.equals(s.change) && undo.equals(s.undo);
  }

  @Override public int hashCode() { return Objects.hash(description, check, probe, change, undo); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(description);
    if (check != null) sb.append("\n  check:  ").append(check);
    if (probe != null) sb.append("\n  probe:  ").append(probe);
    for (HostCommand c : change) sb.append("\n  change: ").append(c);
    for (HostCommand c : undo) sb.append("\n  undo:   ").append(c);
    return sb.toString();
  }

  /** Builds a {@link Step}. */
  public static final class Builder {
    private String description;
    private HostCommand check;
    private Probe probe;
    private final List<HostCommand> change = new ArrayList<>();
    private final List<HostCommand> undo = new ArrayList<>();

    private Builder(String description) { this.description = description; }

    /** Replaces the description. */
    public Builder description(String description) { this.description = description; return this; }

    /** The command whose exit 0 means the step is already done. */
    public Builder check(HostCommand check) { this.check = Objects.requireNonNull(check, "check"); return this; }

    /** The batched check {@link Plan#apply} runs instead of {@link #check(HostCommand)} (scripts still use the check). */
    public Builder probe(Probe probe) { this.probe = Objects.requireNonNull(probe, "probe"); return this; }

    /** Appends a change command. */
    public Builder change(HostCommand command) { change.add(Objects.requireNonNull(command, "command")); return this; }

    /** Appends an undo command. */
    public Builder undo(HostCommand command) { undo.add(Objects.requireNonNull(command, "command")); return this; }

    public Step build() { return new Step(this); }
  }
}
