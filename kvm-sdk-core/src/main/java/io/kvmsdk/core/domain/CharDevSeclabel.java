package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <seclabel>} inside a character device source: overrides the domain's security labelling of the host path. */
@Value.Immutable
public abstract class CharDevSeclabel {
  /** Security driver the override applies to ({@code dac}, {@code selinux}, ...). */
  public abstract Optional<String> model();

  /** Whether libvirt relabels the path ({@code relabel='yes|no'}). */
  public abstract Optional<Boolean> relabel();

  /** Output only: the label was skipped ({@code labelskip='yes'}). */
  public abstract Optional<Boolean> labelskip();

  /** Explicit labels ({@code <label>}). */
  public abstract List<String> labels();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <seclabel model='...' relabel='no'/>}: leave the path's label alone. */
  public static CharDevSeclabel noRelabel(String model) { return builder().model(model).relabel(false).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public CharDevSeclabel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CharDevSeclabel}. */
  public static class Builder extends ImmutableCharDevSeclabel.Builder {}
}
