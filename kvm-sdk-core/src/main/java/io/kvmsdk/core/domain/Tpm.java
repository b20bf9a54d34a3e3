package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <tpm>}: a TPM for the guest, passed through from the host or emulated by swtpm. */
@Value.Immutable
public abstract class Tpm {
  /** Device model: tpm-tis, tpm-crb, tpm-spapr, spapr-tpm-proxy. */
  public abstract Optional<String> model();

  /** Where the TPM comes from ({@code <backend>}). */
  public abstract Optional<TpmBackend> backend();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <tpm model='tpm-crb'><backend type='emulator' version='...'/></tpm>}: a private swtpm TPM ({@code 2.0} or {@code 1.2}). */
  public static Tpm emulator(String version) {
    return builder().model("tpm-crb").backend(TpmBackend.builder().type("emulator").version(version).build()).build();
  }

  /** {@code <tpm model='tpm-tis'><backend type='passthrough'><device path='...'/></backend></tpm>}: the host's TPM. */
  public static Tpm passthrough(String devicePath) {
    return builder().model("tpm-tis").backend(TpmBackend.builder().type("passthrough").devicePath(devicePath).build()).build();
  }

  /** This TPM with model {@code model}. */
  public Tpm withModel(String model) { return copy(b -> b.model(model)); }

  /** Derives a changed copy; this value stays as it is. */
  public Tpm copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Tpm}. */
  public static class Builder extends ImmutableTpm.Builder {}
}
