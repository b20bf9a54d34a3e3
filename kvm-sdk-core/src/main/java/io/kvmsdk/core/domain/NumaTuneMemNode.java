package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <memnode>}: the host NUMA policy of one guest NUMA cell. */
@Value.Immutable
public abstract class NumaTuneMemNode {
  /** The {@code cellid} attribute. */
  public abstract Optional<Integer> cellid();
  /** The {@code mode} attribute. */
  public abstract Optional<String> mode();
  /** The {@code nodeset} attribute. */
  public abstract Optional<String> nodeset();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    CpuSet.check("@nodeset", nodeset());
    NumaTune.checkMode("@mode", mode());
  }

  /** Derives a changed copy. */
  public NumaTuneMemNode copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NumaTuneMemNode}. */
  public static class Builder extends ImmutableNumaTuneMemNode.Builder {}
}
