package io.kvmsdk.ha.drbd;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.DrbdText;
import java.util.List;
import org.immutables.value.Value;

/**
 * A statement or section of a DRBD resource no typed field covers, kept verbatim. It holds only
 * what the {@code .res} writer can write back, and never a {@code shared-secret} (that has its own,
 * redacted field on {@link DrbdResource}): kept statements show in {@code toString()}.
 */
@Value.Immutable
public abstract class DrbdStatement {
  public abstract String keyword();

  public abstract List<String> args();

  @Value.Default public boolean section() { return !block().isEmpty(); }

  public abstract List<DrbdStatement> block();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    String at = DrbdText.shownKeyword(keyword());
    if (keyword().equals("shared-secret") || args().contains("shared-secret")) {
      throw new InvalidSpecException("shared-secret", "is only taken in the resource's one net section, as DrbdResource.sharedSecret"
          + " (a statement kept verbatim would show it; the value is not shown)");
    }
    DrbdText.word(keyword(), at);
    for (String a : args()) DrbdText.word(a, at);
  }

  @Override public String toString() { return keyword() + " " + String.join(" ", args()) + (section() ? " {...}" : ";"); }

  /** Builds a {@link DrbdStatement}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableDrbdStatement.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("keyword", "keyword");

    @Override public DrbdStatement build() { return REQUIRED.build(super::build); }
  }
}
