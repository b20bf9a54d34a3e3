package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.internal.capabilities.CapabilitiesCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a domain may use with one emulator, machine type, architecture and hypervisor type
 * ({@code virsh domcapabilities}, libvirt's {@code <domainCapabilities>}), typed, read-only and lossless.
 *
 * <pre>{@code
 * DomainCapabilities dc = DomainCapabilities.fromXml(xml);
 * boolean virtio = dc.devices().enumValues("disk", "bus").contains("virtio");
 * boolean passthrough = dc.cpu().map(c -> c.supports("host-passthrough")).orElse(false);
 * }</pre>
 */
@Value.Immutable
public abstract class DomainCapabilities {
  /** {@code <path>}: the emulator binary. */
  public abstract String path();

  /** {@code <domain>}: the hypervisor type (kvm, qemu, xen, bhyve, ...). */
  public abstract String domain();

  /** {@code <machine>}: the canonical machine type these capabilities are for. */
  public abstract Optional<String> machine();

  public abstract String arch();

  /** {@code <vcpu max='N'/>}: the maximum number of vCPUs. */
  public abstract Optional<Integer> vcpuMax();

  /** {@code <iothreads supported='yes'/>}: whether IOThreads are supported. */
  public abstract Optional<Boolean> iothreads();

  public abstract Optional<DomCapsOs> os();

  public abstract Optional<DomCapsCpu> cpu();

  /** {@code <memoryBacking>} with its {@code sourceType} enum. */
  public abstract Optional<DomCapsSupport> memoryBacking();

  @Value.Default public DomCapsDevices devices() { return DomCapsDevices.builder().build(); }

  @Value.Default public DomCapsFeatures features() { return DomCapsFeatures.builder().build(); }

  /** What {@code <domainCapabilities>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether the {@code firmware} enum of {@code <os>} offers {@code value} (bios or efi). */
  public boolean offersFirmware(String value) { return os().map(o -> o.offers("firmware", value)).orElse(false); }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's domain capabilities XML. Throws {@link InvalidSpecException} naming the field and the rule. */
  public static DomainCapabilities fromXml(String xml) { return CapabilitiesCodecs.parseDomainCapabilities(xml); }

  /** These capabilities as libvirt XML. */
  public String toXml() { return CapabilitiesCodecs.renderDomainCapabilities(this); }

  /** The element and attribute paths kept verbatim because no typed field covers them; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return CapabilitiesCodecs.unmodeledPaths(this); }

  /** Derives a changed copy; this value stays as it is. */
  public DomainCapabilities copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML. */
  @Override public String toString() { return toXml(); }

  /** Builds a {@link DomainCapabilities}. */
  public static class Builder extends ImmutableDomainCapabilities.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("path", "domainCapabilities/path", "domain", "domainCapabilities/domain", "arch", "domainCapabilities/arch");

    @Override public DomainCapabilities build() { return REQUIRED.build(super::build); }
  }
}
