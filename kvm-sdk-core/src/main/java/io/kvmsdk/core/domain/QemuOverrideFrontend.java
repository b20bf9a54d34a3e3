package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <qemu:frontend>}: the device frontend properties to override. */
@Value.Immutable
public abstract class QemuOverrideFrontend {
  /** The {@code <qemu:property>} children, in order. */
  public abstract List<QemuOverrideProperty> properties();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public QemuOverrideFrontend copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link QemuOverrideFrontend}. */
  public static class Builder extends ImmutableQemuOverrideFrontend.Builder {}
}
