package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <operations>}: a primitive's ops. */
@Value.Immutable
public abstract class Operations {
  public abstract List<Op> ops();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableOperations.Builder {}
}
