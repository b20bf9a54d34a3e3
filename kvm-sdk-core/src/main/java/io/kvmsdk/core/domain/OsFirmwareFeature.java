package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <feature>} in {@code <os><firmware>}: a firmware feature autoselection must (not) offer, such as {@code secure-boot}. */
@Value.Immutable
public abstract class OsFirmwareFeature {
  /** The {@code enabled} attribute. */
  public abstract Optional<Boolean> enabled();
  /** The {@code name} attribute. */
  public abstract Optional<String> name();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Requires ({@code enabled}) or excludes a firmware feature named {@code name}. */
  public static OsFirmwareFeature of(String name, boolean enabled) { return builder().name(name).enabled(enabled).build(); }

  /** Derives a changed copy. */
  public OsFirmwareFeature copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsFirmwareFeature}. */
  public static class Builder extends ImmutableOsFirmwareFeature.Builder {}
}
