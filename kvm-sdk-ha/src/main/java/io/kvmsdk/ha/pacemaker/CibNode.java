package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <node>} of the CIB's node list. */
@Value.Immutable
public abstract class CibNode {
  public abstract Optional<String> id();

  public abstract Optional<String> uname();

  public abstract Optional<String> type();

  /** Node attributes (standby, ...) */
  public abstract List<NvSet> instanceAttributes();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCibNode.Builder {}
}
