package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <controller>}: a bus controller (PCI, USB, SCSI, virtio-serial, IDE, SATA, ...). */
@Value.Immutable
public abstract class Controller {
  public abstract Optional<String> type();
  public abstract Optional<Integer> index();
  public abstract Optional<String> model();
  public abstract Optional<Integer> ports();
  public abstract Optional<Integer> vectors();
  public abstract Optional<Integer> maxGrantFrames();
  public abstract Optional<Integer> maxEventChannels();
  public abstract Optional<String> alias();
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Controller copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Controller}. */
  public static class Builder extends ImmutableController.Builder {}
}
