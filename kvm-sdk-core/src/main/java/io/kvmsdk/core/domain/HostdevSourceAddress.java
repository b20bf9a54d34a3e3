package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <address>} of a hostdev source: PCI (domain bus slot function), USB (bus device), SCSI (bus target unit) or mdev (uuid). */
@Value.Immutable
public abstract class HostdevSourceAddress {
  /** Address type, when written. */
  public abstract Optional<String> type();

  /** PCI domain. */
  public abstract Optional<String> domain();

  /** PCI, USB or SCSI bus. */
  public abstract Optional<String> bus();

  /** PCI slot. */
  public abstract Optional<String> slot();

  /** PCI function. */
  public abstract Optional<String> function();

  /** USB device number. */
  public abstract Optional<String> device();

  /** SCSI target. */
  public abstract Optional<String> target();

  /** SCSI unit. */
  public abstract Optional<String> unit();

  /** mdev UUID. */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostdevSourceAddress copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link HostdevSourceAddress}. */
  public static class Builder extends ImmutableHostdevSourceAddress.Builder {}
}
