package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <migration_features>}: whether live migration is supported and which URI transports are. */
@Value.Immutable
public abstract class CapsMigrationFeatures {
  @Value.Default public boolean live() { return false; }

  /** The URI transports ({@code tcp}, {@code rdma}, ...). */
  public abstract List<String> uriTransports();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsMigrationFeatures copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsMigrationFeatures}. */
  public static class Builder extends ImmutableCapsMigrationFeatures.Builder {}
}
