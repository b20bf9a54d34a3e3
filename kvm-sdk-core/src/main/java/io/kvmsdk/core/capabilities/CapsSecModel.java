package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <secmodel>}: a security model the daemon supports (selinux, apparmor, dac, none) and its base labels. */
@Value.Immutable
public abstract class CapsSecModel {
  public abstract Optional<String> model();

  public abstract Optional<String> doi();

  public abstract List<CapsBaseLabel> baselabels();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The base label for domain type {@code type} (e.g. {@code kvm}), if any. */
  public Optional<String> baselabel(String type) {
    return baselabels().stream().filter(l -> l.type().equals(Optional.of(type))).findFirst().flatMap(CapsBaseLabel::label);
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsSecModel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsSecModel}. */
  public static class Builder extends ImmutableCapsSecModel.Builder {}
}
