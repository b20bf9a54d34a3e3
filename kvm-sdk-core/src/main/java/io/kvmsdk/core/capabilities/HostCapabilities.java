package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.internal.capabilities.CapabilitiesCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The host's capabilities ({@code virsh capabilities}, libvirt's {@code <capabilities>}): the host
 * itself and the kinds of guests it can run, typed, read-only and lossless.
 *
 * <pre>{@code
 * HostCapabilities caps = HostCapabilities.fromXml(xml);
 * Optional<String> emulator = caps.guest("hvm", "x86_64").flatMap(g -> g.arch().emulatorFor("kvm"));
 * }</pre>
 *
 * Whatever a document carries that no typed field covers yet is kept verbatim, re-emitted by
 * {@link #toXml()}, and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class HostCapabilities {
  @Value.Default public CapsHost host() { return CapsHost.builder().build(); }

  /** The {@code <guest>} entries, one per OS type and architecture. */
  public abstract List<CapsGuest> guests();

  /** What {@code <capabilities>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The guest entry of {@code osType} (e.g. hvm) and architecture {@code arch}, if the host has one. */
  public Optional<CapsGuest> guest(String osType, String arch) {
    return guests().stream().filter(g -> g.osType().equals(osType) && g.arch().name().equals(arch)).findFirst();
  }

  /** The guest entries for architecture {@code arch} that hypervisor type {@code domainType} (kvm, qemu, ...) can run. */
  public List<CapsGuest> guestsFor(String arch, String domainType) {
    return guests().stream().filter(g -> g.arch().name().equals(arch) && g.arch().domain(domainType).isPresent())
        .collect(java.util.stream.Collectors.toList());
  }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's capabilities XML. Throws {@link InvalidSpecException} naming the field and the rule. */
  public static HostCapabilities fromXml(String xml) { return CapabilitiesCodecs.parseCapabilities(xml); }

  /** These capabilities as libvirt XML. */
  public String toXml() { return CapabilitiesCodecs.renderCapabilities(this); }

  /** The element and attribute paths kept verbatim because no typed field covers them; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return CapabilitiesCodecs.unmodeledPaths(this); }

  /** Derives a changed copy; this value stays as it is. */
  public HostCapabilities copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML. */
  @Override public String toString() { return toXml(); }

  /** Builds a {@link HostCapabilities}. */
  public static class Builder extends ImmutableHostCapabilities.Builder {}
}
