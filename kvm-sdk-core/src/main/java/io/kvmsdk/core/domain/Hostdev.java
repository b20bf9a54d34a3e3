package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <hostdev>}: a host device passed through (PCI, USB, SCSI, mdev). */
@Value.Immutable
public abstract class Hostdev {
  public abstract Optional<String> mode();
  public abstract Optional<String> type();
  public abstract Optional<Boolean> managed();
  public abstract Optional<String> model();
  public abstract Optional<Boolean> display();
  public abstract Optional<Boolean> ramfb();
  public abstract Optional<String> alias();
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Hostdev copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Hostdev}. */
  public static class Builder extends ImmutableHostdev.Builder {}
}
