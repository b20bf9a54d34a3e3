package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <backend>} of a TPM: passthrough (host device), emulator (swtpm) or external (a running swtpm socket). */
@Value.Immutable
public abstract class TpmBackend {
  /** {@code passthrough}, {@code emulator} or {@code external}. */
  public abstract Optional<String> type();

  /** TPM version of an emulator: {@code 1.2} or {@code 2.0}. */
  public abstract Optional<String> version();

  /** Whether swtpm state survives a transient domain ({@code persistent_state='yes|no'}). */
  public abstract Optional<Boolean> persistentState();

  /** Host TPM device of a passthrough backend ({@code <device path='/dev/tpm0'/>}). */
  public abstract Optional<String> devicePath();

  /** UUID of the secret whose passphrase encrypts the emulator state ({@code <encryption secret='...'/>}). */
  public abstract Optional<String> encryptionSecret();

  /** PCR banks to activate on start ({@code <active_pcr_banks>}). */
  public abstract Optional<TpmBackendPcrBanks> activePcrBanks();

  /** Socket of an external swtpm ({@code <source type='unix' mode='connect' path='...'/>}). */
  public abstract Optional<TpmBackendSource> source();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    version().ifPresent(v -> {
      if (!v.equals("1.2") && !v.equals("2.0")) throw new InvalidSpecException("@version", "must be '1.2' or '2.0', got '" + v + "'");
    });
    encryptionSecret().ifPresent(s -> {
      if (!DomainRules.isUuid(s)) throw new InvalidSpecException("encryption/@secret", "must be a secret UUID, got '" + s + "'");
    });
  }

  /** Derives a changed copy; this value stays as it is. */
  public TpmBackend copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link TpmBackend}. */
  public static class Builder extends ImmutableTpmBackend.Builder {}
}
