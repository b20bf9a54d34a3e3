package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <firmware>} in {@code <os>}: the features firmware autoselection must honour. */
@Value.Immutable
public abstract class OsFirmware {
  /** The {@code <feature>} children, in order. */
  public abstract List<OsFirmwareFeature> features();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsFirmware copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsFirmware}. */
  public static class Builder extends ImmutableOsFirmware.Builder {}
}
