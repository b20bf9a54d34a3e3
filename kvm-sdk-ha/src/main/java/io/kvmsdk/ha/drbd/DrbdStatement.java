package io.kvmsdk.ha.drbd;

import java.util.List;
import org.immutables.value.Value;

/** A statement or section of a DRBD resource no typed field covers, kept verbatim. */
@Value.Immutable
public abstract class DrbdStatement {
  public abstract String keyword();

  public abstract List<String> args();

  @Value.Default public boolean section() { return !block().isEmpty(); }

  public abstract List<DrbdStatement> block();

  public static Builder builder() { return new Builder(); }

  @Override public String toString() { return keyword() + " " + String.join(" ", args()) + (section() ? " {...}" : ";"); }

  public static class Builder extends ImmutableDrbdStatement.Builder {}
}
