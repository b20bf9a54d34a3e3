package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <section node='0' size='262144' unit='KiB'/>}: an SGX EPC section of a NUMA node. */
@Value.Immutable
public abstract class DomCapsSgxSection {
  public abstract Optional<Integer> node();

  public abstract Optional<Long> size();

  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsSgxSection copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsSgxSection}. */
  public static class Builder extends ImmutableDomCapsSgxSection.Builder {}
}
