package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** An SMBIOS block of a {@code <sysinfo>} ({@code <bios>}, {@code <system>}, {@code <baseBoard>}, {@code <chassis>}, {@code <oemStrings>}): its entries. */
@Value.Immutable
public abstract class SysInfoSection {
  /** The {@code <entry>} children, in order. */
  public abstract List<SysInfoEntry> entries();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A block of {@code entries}. */
  public static SysInfoSection of(SysInfoEntry... entries) { return builder().entries(java.util.List.of(entries)).build(); }

  /** Derives a changed copy. */
  public SysInfoSection copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SysInfoSection}. */
  public static class Builder extends ImmutableSysInfoSection.Builder {}
}
