package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <sysinfo>}: SMBIOS or fw_cfg data shown to the guest. */
@Value.Immutable
public abstract class SysInfo {
  /** {@code smbios} or {@code fwcfg}. */
  public abstract Optional<String> type();
  /** The {@code <bios>} child. */
  public abstract Optional<SysInfoSection> bios();
  /** The {@code <system>} child. */
  public abstract Optional<SysInfoSection> system();
  /** The {@code <baseBoard>} children, in order. */
  public abstract List<SysInfoSection> baseBoards();
  /** The {@code <chassis>} child. */
  public abstract Optional<SysInfoSection> chassis();
  /** The {@code <oemStrings>} child. */
  public abstract Optional<SysInfoSection> oemStrings();
  /** The {@code <entry>} children of a {@code fwcfg} sysinfo. */
  public abstract List<SysInfoEntry> entries();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** An empty SMBIOS sysinfo, to fill with the builder ({@code bios}, {@code system}, ...). */
  public static Builder smbios() { return builder().type("smbios"); }

  /** fw_cfg entries ({@code type='fwcfg'}). */
  public static SysInfo fwcfg(SysInfoEntry... entries) { return builder().type("fwcfg").entries(java.util.List.of(entries)).build(); }

  @Value.Check protected void check() {
    if (type().isPresent() && !type().get().equals("smbios") && !type().get().equals("fwcfg")) {
      throw new InvalidSpecException("@type", "must be 'smbios' or 'fwcfg', got '" + type().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public SysInfo copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SysInfo}. */
  public static class Builder extends ImmutableSysInfo.Builder {}
}
