package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.domain.DomainSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What libvirt 9.0's QEMU driver (with QEMU 7.2, TCG, x86_64) fills in a domain definition, as two
 * pure functions over the typed model, so the fake hypervisor shows the same XML as a real libvirtd:
 *
 * <ul>
 * <li>{@link #inactive(DomainSpec, QemuHost)}: what {@code virsh dumpxml --inactive} shows after
 *     {@code define} (libvirt's post-parse defaults and {@code qemuDomainAssignAddresses}): the machine
 *     type expanded ({@code pc} to {@code pc-i440fx-7.2}), the emulator, the default CPU, clock and
 *     {@code <on_*>} actions, memory in KiB, the implicit controllers (USB, PCI root, SATA on q35, the
 *     disk controllers, virtio-serial), PS/2 inputs, the audio backend, the default video, the
 *     memballoon, the console of the first serial port, MAC addresses, disk driver formats and drive
 *     addresses, PCI addresses (with the pcie-root-ports, pcie-to-pci-bridge or pci-bridge libvirt adds),
 *     virtio-serial and USB addresses (with the USB hubs libvirt adds).</li>
 * <li>{@link #live(DomainSpec, LiveContext)}: what {@code virsh dumpxml} shows while the domain runs:
 *     the id, device aliases, tap devices, network port ids and bridges, pty paths, channel sockets
 *     and states, display ports and listen addresses, disk indexes and backing stores, the CPU as QEMU
 *     reports it, the balloon at full memory and the DAC seclabel.</li>
 * </ul>
 *
 * <p>Where to call them in a fake: {@code define} and {@code create} store
 * {@code inactive(parsed, host)} as the definition (its UUID is the one generated when the spec has
 * none; set the spec's UUID first to keep the fake's own); {@code start} (and {@code create}) make the
 * running definition with {@code live(inactive, LiveContext.of(host, id, networks))}; stopping calls
 * {@link QemuHost#release(DomainSpec)} with the live definition. Given libvirt's own inactive XML (a
 * user redefining what {@code dumpxml --inactive} gave), {@code inactive} adds nothing and does what
 * libvirt's parser does to it: the controllers sorted by type and index, the consoles renumbered.
 *
 * <p>Not modelled (the fake keeps what the definition says): other architectures and machine types than
 * x86_64 {@code pc}/{@code q35}; the features QEMU adds to a CPU model other than the default
 * {@code qemu64}; UEFI firmware selection; host devices (assumed PCI Express); disks' backing chains at
 * start; memory hotplug slots; SPICE TLS ports; cgroup partitions (the test daemons run without
 * cgroups, so libvirt shows no {@code <resource>}); and libvirt's define-time refusals (one IDE
 * controller, a {@code bochs} video that is not primary, ...), which are the fake's validation, not this.
 *
 * <p>What libvirt refuses while it assigns addresses (a PCI address used twice, no free slot, a USB
 * port taken twice, ...) comes out as a {@link Refused} with libvirt's error code, error domain and
 * message; the fake turns it into the {@code LibvirtException} of the call that met it.
 *
 * <p>Checked against a real libvirtd by {@code QemuDefaultsOracleTest} and, without one, against its
 * recorded golden files by {@code QemuDefaultsGoldenTest}.
 */
public final class QemuDefaults {
  private QemuDefaults() {}

  /**
   * libvirt refused the definition while filling it in: its error code ({@code VIR_ERR_XML_ERROR} for
   * what the configuration asked, {@code VIR_ERR_INTERNAL_ERROR} for what libvirt itself could not
   * place), error domain and message, as {@code virsh define} shows them.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final int codeNumber;
    private final String errorDomain;
    private final int errorDomainNumber;

    Refused(String code, int codeNumber, String errorDomain, int errorDomainNumber, String libvirtMessage) {
      super(libvirtMessage, null, false, false);
      this.code = code;
      this.codeNumber = codeNumber;
      this.errorDomain = errorDomain;
      this.errorDomainNumber = errorDomainNumber;
    }

    /** {@code VIR_ERR_XML_ERROR} from {@code VIR_FROM_DOMAIN}: the configuration asked for it. */
    static Refused xml(String msg) { return new Refused("VIR_ERR_XML_ERROR", 27, "VIR_FROM_DOMAIN", 20, "XML error: " + msg); }

    /** {@code VIR_ERR_INTERNAL_ERROR} from {@code VIR_FROM_DOMAIN}: libvirt could not place what it added. */
    static Refused internal(String msg) { return new Refused("VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_DOMAIN", 20, "internal error: " + msg); }

    /** {@code VIR_ERR_XML_ERROR} for a configured address, else {@code VIR_ERR_INTERNAL_ERROR}, as libvirt's address sets choose. */
    static Refused of(boolean fromConfig, String msg) { return fromConfig ? xml(msg) : internal(msg); }

    /** libvirt's error code name, e.g. {@code VIR_ERR_XML_ERROR}. */
    public String code() { return code; }

    /** libvirt's error domain name, e.g. {@code VIR_FROM_DOMAIN}. */
    public String errorDomain() { return errorDomain; }

    /** The message as libvirt words it, e.g. {@code XML error: Attempted double use of PCI Address 0000:00:05.0}. */
    public String libvirtMessage() { return getMessage(); }

    /** This refusal as the {@code LibvirtException} a call named {@code operation} gets from libvirt. */
    public io.kvmsdk.core.LibvirtException toLibvirt(String operation) {
      return new io.kvmsdk.core.LibvirtException(operation, code, codeNumber, errorDomain, errorDomainNumber, getMessage(), false, null);
    }
  }

  /** What the fake must know about a domain being started, besides its host. */
  public static final class LiveContext {
    final QemuHost host;
    final int id;
    final Function<String, Optional<String>> networkBridge;

    private LiveContext(QemuHost host, int id, Function<String, Optional<String>> networkBridge) {
      this.host = Objects.requireNonNull(host, "host");
      this.id = id;
      this.networkBridge = Objects.requireNonNull(networkBridge, "networkBridge");
    }

    /**
     * The start of domain number {@code id} (libvirt's runtime id, from 1 per daemon) on {@code host};
     * {@code networkBridge} gives the bridge of an active libvirt network by name (shown on each
     * {@code <interface type='network'>}), empty for an unknown network.
     */
    public static LiveContext of(QemuHost host, int id, Function<String, Optional<String>> networkBridge) {
      return new LiveContext(host, id, networkBridge);
    }
  }

  /**
   * The definition as libvirt stores it after {@code virDomainDefineXML} of {@code defined} ({@code dumpxml --inactive}).
   *
   * @throws Refused where libvirt refuses the definition while assigning its addresses
   */
  public static DomainSpec inactive(DomainSpec defined, QemuHost host) {
    validate(defined);
    return new QemuInactive(defined, host).run();
  }

  /** qemu_validate.c's define-time refusals the fake models (before any default is filled in). */
  static void validate(DomainSpec d) {
    String machine = d.os().flatMap(io.kvmsdk.core.domain.Os::type).flatMap(io.kvmsdk.core.domain.OsType::machine).orElse("");
    boolean q35 = machine.equals("q35") || machine.startsWith("pc-q35");
    for (io.kvmsdk.core.domain.Disk disk : d.devices().disks()) {
      String bus = disk.targetBus().orElse("");
      if (disk.device().orElse("disk").equals("cdrom") && bus.equals("virtio")) {
        throw new Refused("VIR_ERR_CONFIG_UNSUPPORTED", 67, "VIR_FROM_QEMU", 10,
            "unsupported configuration: disk type of '" + disk.targetDev().orElse("") + "' does not support ejectable media");
      }
    }
    boolean ide = d.devices().disks().stream().anyMatch(x -> x.targetBus().orElse("").equals("ide"))
        || d.devices().controllers().stream().anyMatch(c -> c.type().orElse("").equals("ide"));
    if (q35 && ide) {
      throw new Refused("VIR_ERR_CONFIG_UNSUPPORTED", 67, "VIR_FROM_QEMU", 10,
          "unsupported configuration: IDE controllers are unsupported for this QEMU binary or machine type");
    }
    for (io.kvmsdk.core.domain.Graphics g : d.devices().graphics()) {
      int length = g.passwd().map(String::length).orElse(0);
      if (g.type().orElse("").equals("vnc") && length > 8) {
        throw new Refused("VIR_ERR_CONFIG_UNSUPPORTED", 67, "VIR_FROM_QEMU", 10,
            "unsupported configuration: VNC password is " + length + " characters long, only 8 permitted");
      }
    }
  }

  /** The live definition of a domain started from its stored definition {@code inactive} ({@code dumpxml} while running). */
  public static DomainSpec live(DomainSpec inactive, LiveContext ctx) {
    return new QemuLive(inactive, ctx).run();
  }
}
