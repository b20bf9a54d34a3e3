package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <type>} in {@code <os>}: the guest ABI ({@code hvm}, {@code xen}, {@code linux}, {@code exe}) with its architecture and machine type. */
@Value.Immutable
public abstract class OsType {
  /** The {@code arch} attribute. */
  public abstract Optional<String> arch();
  /** The {@code machine} attribute. */
  public abstract Optional<String> machine();
  /** The OS type, such as {@code hvm}. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A full-virtualisation guest ({@code hvm}) with the hypervisor's default architecture and machine. */
  public static OsType hvm() { return builder().value("hvm").build(); }

  /** A full-virtualisation guest for {@code arch} (such as {@code x86_64}) and {@code machine} (such as {@code q35}). */
  public static OsType hvm(String arch, String machine) { return builder().value("hvm").arch(arch).machine(machine).build(); }

  /** Derives a changed copy. */
  public OsType copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link OsType}. */
  public static class Builder extends ImmutableOsType.Builder {}
}
