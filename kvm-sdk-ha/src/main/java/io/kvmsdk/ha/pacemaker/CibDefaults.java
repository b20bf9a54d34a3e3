package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <rsc_defaults>} or {@code <op_defaults>}: default meta attributes. */
@Value.Immutable
public abstract class CibDefaults {
  public abstract List<NvSet> metaAttributes();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCibDefaults.Builder {}
}
