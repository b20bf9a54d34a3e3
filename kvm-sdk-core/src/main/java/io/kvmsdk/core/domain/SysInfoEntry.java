package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <entry>}: one SMBIOS field, OEM string, or fw_cfg blob (from text or a file). */
@Value.Immutable
public abstract class SysInfoEntry {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code file} attribute. */
  public abstract Optional<String> file();
  /** The element's text. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Field {@code name} set to {@code value}. */
  public static SysInfoEntry of(String name, String value) { return builder().name(name).value(value).build(); }

  /** Derives a changed copy. */
  public SysInfoEntry copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SysInfoEntry}. */
  public static class Builder extends ImmutableSysInfoEntry.Builder {}
}
