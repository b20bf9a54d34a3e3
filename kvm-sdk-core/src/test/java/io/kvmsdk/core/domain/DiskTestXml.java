package io.kvmsdk.core.domain;

import io.kvmsdk.core.testing.RelaxNg;

/** Helpers for the storage and passthrough device tests: a minimal schema-valid domain around some devices. */
final class DiskTestXml {
  private DiskTestXml() {}

  static final String HEAD = "<domain type='kvm'><name>t</name><memory unit='KiB'>1048576</memory><os><type arch='x86_64'>hvm</type></os><devices>";
  static final String TAIL = "</devices></domain>";

  /** A domain holding {@code devices}. */
  static DomainSpec domain(Devices devices) {
    return DomainSpec.fromXml(HEAD + TAIL).copy(b -> b.devices(devices));
  }

  /** Parses {@code <devices>} content given as XML. */
  static Devices parseDevices(String devicesXml) {
    return DomainSpec.fromXml(HEAD + devicesXml + TAIL).devices();
  }

  /** Renders {@code devices} and parses the result back. */
  static Devices roundTrip(Devices devices) {
    return DomainSpec.fromXml(domain(devices).toXml()).devices();
  }

  /** A KVM host's domain capabilities with no device lists: only libvirt's QEMU-driver rules apply. */
  static final io.kvmsdk.core.capabilities.DomainCapabilities KVM = io.kvmsdk.core.capabilities.DomainCapabilities.builder()
      .path("/usr/bin/qemu-system-x86_64").domain("kvm").arch("x86_64").build();

  /** What libvirt's QEMU driver would refuse in a domain holding {@code devices} ({@link DomainSpec#problemsFor}). */
  static java.util.List<io.kvmsdk.core.InvalidSpecException> qemu(Devices devices) { return domain(devices).problemsFor(KVM); }

  /** What libvirt's QEMU driver would refuse in a domain holding {@code disk} (its paths start {@code domain/devices/disk[1]/}). */
  static java.util.List<io.kvmsdk.core.InvalidSpecException> qemu(Disk disk) {
    return qemu(Devices.builder().addDisk(disk.targetDev().isPresent() ? disk : disk.copy(b -> b.target(DiskTarget.builder()
        .from(disk.target().orElse(DiskTarget.builder().build())).dev("vda").build()))).build());
  }

  /** The libvirt schema's errors for the domain holding {@code devices}, or null when valid. */
  static String schemaErrors(Devices devices) {
    return RelaxNg.of("domain").errors(domain(devices).toXml());
  }
}
