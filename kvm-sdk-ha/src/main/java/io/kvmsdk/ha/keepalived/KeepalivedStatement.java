package io.kvmsdk.ha.keepalived;

import java.util.List;
import org.immutables.value.Value;

/**
 * A keepalived.conf statement no typed field covers, kept verbatim and written back in its block:
 * its keyword, its words and, when it opens one, its block.
 */
@Value.Immutable
public abstract class KeepalivedStatement {
  public abstract String keyword();

  public abstract List<String> args();

  /** True when the statement opens a block ({@code keyword args { ... }}). */
  @Value.Default public boolean hasBlock() { return !block().isEmpty(); }

  public abstract List<KeepalivedStatement> block();

  public static Builder builder() { return new Builder(); }

  /** A one-line statement. */
  public static KeepalivedStatement of(String keyword, String... args) {
    return builder().keyword(keyword).args(java.util.List.of(args)).build();
  }

  @Override public String toString() {
    return keyword() + (args().isEmpty() ? "" : " " + String.join(" ", args())) + (hasBlock() ? " { " + block().size() + " statements }" : "");
  }

  public static class Builder extends ImmutableKeepalivedStatement.Builder {}
}
