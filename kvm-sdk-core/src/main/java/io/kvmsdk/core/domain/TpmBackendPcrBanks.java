package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <active_pcr_banks>}: the PCR banks of an emulated TPM 2.0 to activate. */
@Value.Immutable
public abstract class TpmBackendPcrBanks {
  /** {@code <sha1/>} */
  @Value.Default public boolean sha1() { return false; }

  /** {@code <sha256/>} */
  @Value.Default public boolean sha256() { return false; }

  /** {@code <sha384/>} */
  @Value.Default public boolean sha384() { return false; }

  /** {@code <sha512/>} */
  @Value.Default public boolean sha512() { return false; }

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public TpmBackendPcrBanks copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link TpmBackendPcrBanks}. */
  public static class Builder extends ImmutableTpmBackendPcrBanks.Builder {}
}
