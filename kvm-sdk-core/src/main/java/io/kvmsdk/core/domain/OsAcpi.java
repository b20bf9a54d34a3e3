package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <acpi>} in {@code <os>}: ACPI tables handed to the guest. */
@Value.Immutable
public abstract class OsAcpi {
  /** The {@code <table>} children, in order. */
  public abstract List<OsAcpiTable> tables();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsAcpi copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsAcpi}. */
  public static class Builder extends ImmutableOsAcpi.Builder {}
}
