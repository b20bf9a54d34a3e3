package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <guest><arch name='x86_64'>}: a guest architecture, its emulator, loader, machine types and hypervisor types. */
@Value.Immutable
public abstract class CapsGuestArch {
  public abstract String name();

  public abstract Optional<Integer> wordsize();

  public abstract Optional<String> emulator();

  public abstract Optional<String> loader();

  public abstract List<CapsMachine> machines();

  public abstract List<CapsGuestDomain> domains();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The {@code <domain>} entry of hypervisor type {@code type} ({@code kvm}, {@code qemu}, ...). */
  public Optional<CapsGuestDomain> domain(String type) { return domains().stream().filter(d -> d.type().equals(type)).findFirst(); }

  /** The emulator for hypervisor type {@code type}: the domain's own, else the architecture's. */
  public Optional<String> emulatorFor(String type) {
    Optional<String> own = domain(type).flatMap(CapsGuestDomain::emulator);
    return own.isPresent() ? own : emulator();
  }

  /** The machine types for hypervisor type {@code type}: the domain's own list when it has one, else the architecture's. */
  public List<CapsMachine> machinesFor(String type) {
    List<CapsMachine> own = domain(type).map(CapsGuestDomain::machines).orElse(List.of());
    return own.isEmpty() ? machines() : own;
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsGuestArch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsGuestArch}. */
  public static class Builder extends ImmutableCapsGuestArch.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "@name");

    @Override public CapsGuestArch build() { return REQUIRED.build(super::build); }
  }
}
