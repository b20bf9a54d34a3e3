package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host><topology>}: the host's NUMA cells and interconnects. */
@Value.Immutable
public abstract class CapsTopology {
  /** {@code <cells num='N'>}: the NUMA cells. */
  public abstract List<CapsCell> cells();

  public abstract Optional<CapsInterconnects> interconnects();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The cell with {@code id}, if the host has it. */
  public Optional<CapsCell> cell(int id) { return cells().stream().filter(c -> c.id() == id).findFirst(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsTopology copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsTopology}. */
  public static class Builder extends ImmutableCapsTopology.Builder {}
}
