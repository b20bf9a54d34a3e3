package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <features>}: hypervisor features (ACPI, APIC, Hyper-V enlightenments, KVM, SMM, ...). */
@Value.Immutable
public abstract class Features {
  /** Whether the empty {@code <acpi/>} marker is present. */
  @Value.Default public boolean acpi() { return false; }
  /** The {@code <apic>} child. */
  public abstract Optional<FeaturesApic> apic();
  /** Whether the empty {@code <pae/>} marker is present. */
  @Value.Default public boolean pae() { return false; }
  /** The {@code <hap>} child. */
  public abstract Optional<FeaturesState> hap();
  /** Whether the empty {@code <viridian/>} marker is present. */
  @Value.Default public boolean viridian() { return false; }
  /** Whether the empty {@code <privnet/>} marker is present. */
  @Value.Default public boolean privnet() { return false; }
  /** The {@code <hyperv>} child. */
  public abstract Optional<FeaturesHyperv> hyperv();
  /** The {@code <kvm>} child. */
  public abstract Optional<FeaturesKvm> kvm();
  /** The {@code <pvspinlock>} child. */
  public abstract Optional<FeaturesState> pvspinlock();
  /** The {@code <capabilities>} child. */
  public abstract Optional<FeaturesCapabilities> capabilities();
  /** The {@code <pmu>} child. */
  public abstract Optional<FeaturesState> pmu();
  /** The {@code <vmport>} child. */
  public abstract Optional<FeaturesState> vmport();
  /** The {@code version} of the ARM {@code <gic>}: {@code 2}, {@code 3} or {@code host}. */
  public abstract Optional<String> gic();
  /** The {@code <smm>} child. */
  public abstract Optional<FeaturesSmm> smm();
  /** The {@code driver} of {@code <ioapic>}: {@code kvm} or {@code qemu}. */
  public abstract Optional<String> ioapic();
  /** The {@code <hpt>} child. */
  public abstract Optional<FeaturesHpt> hpt();
  /** The {@code <vmcoreinfo>} child. */
  public abstract Optional<FeaturesState> vmcoreinfo();
  /** The {@code <htm>} child. */
  public abstract Optional<FeaturesState> htm();
  /** The {@code <nested-hv>} child. */
  public abstract Optional<FeaturesState> nestedHv();
  /** The {@code unknown} policy of {@code <msrs>}: {@code ignore} or {@code fault}. */
  public abstract Optional<String> msrs();
  /** The {@code <ccf-assist>} child. */
  public abstract Optional<FeaturesState> ccfAssist();
  /** The {@code <xen>} child. */
  public abstract Optional<FeaturesXen> xen();
  /** The {@code value} attribute of the {@code <cfpc>} child. */
  public abstract Optional<String> cfpc();
  /** The {@code value} attribute of the {@code <sbbc>} child. */
  public abstract Optional<String> sbbc();
  /** The {@code value} attribute of the {@code <ibs>} child. */
  public abstract Optional<String> ibs();
  /** The {@code <tcg>} child. */
  public abstract Optional<FeaturesTcg> tcg();
  /** The {@code enabled} attribute of {@code <async-teardown>} (libvirt 9.6 and later). */
  public abstract Optional<Boolean> asyncTeardown();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** ACPI and APIC, what nearly every x86 guest needs. */
  public static Features acpiApic() { return builder().acpi(true).apic(FeaturesApic.builder().build()).build(); }

  @Value.Check protected void check() {
    if (gic().isPresent() && !java.util.Set.of("2", "3", "host").contains(gic().get())) {
      throw new InvalidSpecException("gic/@version", "must be 2, 3 or host, got '" + gic().get() + "'");
    }
    if (ioapic().isPresent() && !ioapic().get().equals("kvm") && !ioapic().get().equals("qemu")) {
      throw new InvalidSpecException("ioapic/@driver", "must be 'kvm' or 'qemu', got '" + ioapic().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public Features copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Features}. */
  public static class Builder extends ImmutableFeatures.Builder {}
}
