package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import java.util.List;
import org.immutables.value.Value;

/**
 * A keepalived.conf statement no typed field covers, kept verbatim and written back in its block:
 * its keyword, its words and, when it opens one, its block. It never holds an {@code auth_pass}
 * (that is {@link VrrpAuth}'s, redacted): kept statements show in {@code toString()}.
 */
@Value.Immutable
public abstract class KeepalivedStatement {
  public abstract String keyword();

  public abstract List<String> args();

  /** True when the statement opens a block ({@code keyword args { ... }}). */
  @Value.Default public boolean hasBlock() { return !block().isEmpty(); }

  public abstract List<KeepalivedStatement> block();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    String k = keyword();
    if (k.equals("include") || k.startsWith("$") || k.startsWith("@") || k.startsWith("~")) {
      throw new InvalidSpecException(k, "an include, definition, conditional or sequence is not a statement the SDK keeps"
          + " (keepalived would read another file or expand it; parse() refuses it too)");
    }
    if (keyword().equals("auth_pass") || args().contains("auth_pass")) {
      throw new InvalidSpecException("authentication/auth_pass", "is only taken in an authentication block of one auth_type and one auth_pass,"
          + " as VrrpAuth (a statement kept verbatim would show it; the value is not shown)");
    }
  }

  /** A one-line statement. */
  public static KeepalivedStatement of(String keyword, String... args) {
    return builder().keyword(keyword).args(java.util.List.of(args)).build();
  }

  @Override public String toString() {
    return keyword() + (args().isEmpty() ? "" : " " + String.join(" ", args())) + (hasBlock() ? " { " + block().size() + " statements }" : "");
  }

  /** Builds a {@link KeepalivedStatement}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableKeepalivedStatement.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("keyword", "keyword");

    @Override public KeepalivedStatement build() { return REQUIRED.build(super::build); }
  }
}
