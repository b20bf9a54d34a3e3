package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <sysinfo>}: SMBIOS or fw_cfg data shown to the guest. */
@Value.Immutable
public abstract class SysInfo {
  public abstract Optional<String> type();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SysInfo copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SysInfo}. */
  public static class Builder extends ImmutableSysInfo.Builder {}
}
