package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <table>} in {@code <os><acpi>}: an ACPI table file handed to the guest. */
@Value.Immutable
public abstract class OsAcpiTable {
  /** The table type, such as {@code slic}. */
  public abstract Optional<String> type();
  /** The element's text. */
  public abstract Optional<String> path();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public OsAcpiTable copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsAcpiTable}. */
  public static class Builder extends ImmutableOsAcpiTable.Builder {}
}
