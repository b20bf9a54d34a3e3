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

  /** The libvirt schema's errors for the domain holding {@code devices}, or null when valid. */
  static String schemaErrors(Devices devices) {
    return RelaxNg.of("domain").errors(domain(devices).toXml());
  }
}
