package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <devices>} of domain capabilities: per device kind, whether it is supported and which values it accepts. */
@Value.Immutable
public abstract class DomCapsDevices {
  public abstract Optional<DomCapsSupport> disk();

  public abstract Optional<DomCapsSupport> graphics();

  public abstract Optional<DomCapsSupport> video();

  public abstract Optional<DomCapsSupport> hostdev();

  public abstract Optional<DomCapsSupport> rng();

  public abstract Optional<DomCapsSupport> filesystem();

  public abstract Optional<DomCapsSupport> tpm();

  public abstract Optional<DomCapsSupport> redirdev();

  public abstract Optional<DomCapsSupport> channel();

  public abstract Optional<DomCapsSupport> crypto();

  /** {@code <interface>} (reported by libvirt releases after 9.0). */
  public abstract Optional<DomCapsSupport> interfaceDevice();

  /** Reported by libvirt releases after 9.0. */
  public abstract Optional<DomCapsSupport> panic();

  /** Reported by libvirt releases after 9.0. */
  public abstract Optional<DomCapsSupport> console();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The entry of device kind {@code name} ({@code disk}, {@code graphics}, ...), if reported. */
  public Optional<DomCapsSupport> device(String name) {
    switch (name) {
      case "disk": return disk();
      case "graphics": return graphics();
      case "video": return video();
      case "hostdev": return hostdev();
      case "rng": return rng();
      case "filesystem": return filesystem();
      case "tpm": return tpm();
      case "redirdev": return redirdev();
      case "channel": return channel();
      case "crypto": return crypto();
      case "interface": return interfaceDevice();
      case "panic": return panic();
      case "console": return console();
      default: return Optional.empty();
    }
  }

  /** The values enum {@code enumName} of device kind {@code device} accepts, e.g. {@code enumValues("disk", "bus")}. */
  public List<String> enumValues(String device, String enumName) {
    return device(device).map(d -> d.enumValues(enumName)).orElse(List.of());
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsDevices copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsDevices}. */
  public static class Builder extends ImmutableDomCapsDevices.Builder {}
}
