package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** An {@code <op>} of a primitive: an action (start, stop, monitor, migrate_to, ...) with its interval and timeout. */
@Value.Immutable
public abstract class Op {
  public abstract Optional<String> id();

  /** The action: start, stop, monitor, promote, demote, migrate_to, migrate_from, notify, reload. */
  public abstract Optional<String> name();

  /** E.g. {@code 30s}; 0 for non-recurring actions */
  public abstract Optional<String> interval();

  public abstract Optional<String> timeout();

  /** Promoted, Unpromoted, Started, Stopped */
  public abstract Optional<String> role();

  /** {@code on-fail} */
  public abstract Optional<String> onFail();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableOp.Builder {}
}
