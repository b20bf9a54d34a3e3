package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <tcg>}: TCG accelerator tuning. */
@Value.Immutable
public abstract class FeaturesTcg {
  /** The {@code <tb-cache>} child: the translation block cache size (unit defaults to MiB). */
  public abstract Optional<Size> tbCache();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesTcg copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesTcg}. */
  public static class Builder extends ImmutableFeaturesTcg.Builder {}
}
