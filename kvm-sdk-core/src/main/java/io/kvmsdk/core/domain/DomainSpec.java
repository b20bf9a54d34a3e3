package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.internal.domain.DomainCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt domain definition: the typed, immutable, lossless model of libvirt's domain XML.
 *
 * <pre>{@code
 * DomainSpec web = DomainSpec.builder().type("kvm").name("web1").vcpus(2).memory(Size.mib(2048))
 *     .devices(Devices.builder().addDisk(Disk.file("/var/lib/libvirt/images/web1.qcow2").virtio()).build())
 *     .build();
 * String xml = web.toXml();
 * DomainSpec back = DomainSpec.fromXml(xml);   // equal to web
 * }</pre>
 *
 * Whatever a parsed document carries that no typed field covers yet is kept verbatim, re-emitted
 * by {@link #toXml()}, and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class DomainSpec {
  /** Namespace declarations on {@code <domain>}, prefix to URI (for example {@code qemu}). */
  public abstract Map<String, String> namespaces();

  /** The hypervisor type: {@code kvm}, {@code qemu}, {@code test}, ... */
  public abstract String type();

  /** The runtime ID of a running domain (present only in live XML). */
  public abstract Optional<Integer> id();

  public abstract String name();

  public abstract Optional<String> uuid();

  public abstract Optional<String> genid();

  public abstract Optional<String> title();

  public abstract Optional<String> description();

  /** Application metadata ({@code <metadata>}), kept as XML: its content belongs to the applications. */
  public abstract Optional<XmlElement> metadata();

  public abstract Optional<MaxMemory> maxMemory();

  /** Maximum memory allocation at boot ({@code <memory>}). */
  public abstract Optional<Size> memory();

  /** Whether guest memory is included in core dumps ({@code <memory dumpCore='on|off'>}). */
  public abstract Optional<Boolean> memoryDumpCore();

  /** Actual allocation ({@code <currentMemory>}); at most {@link #memory()}. */
  public abstract Optional<Size> currentMemory();

  public abstract Optional<BlkioTune> blkiotune();

  public abstract Optional<MemTune> memtune();

  public abstract Optional<MemoryBacking> memoryBacking();

  public abstract Optional<Vcpu> vcpu();

  /** Per-vCPU state ({@code <vcpus>}). */
  public abstract Optional<VcpuList> vcpuList();

  /** Number of IOThreads ({@code <iothreads>}). */
  public abstract Optional<Integer> iothreads();

  public abstract Optional<IoThreadIds> iothreadids();

  public abstract Optional<DefaultIoThread> defaultiothread();

  public abstract Optional<CpuTune> cputune();

  public abstract Optional<NumaTune> numatune();

  public abstract Optional<Resource> resource();

  public abstract List<SysInfo> sysinfo();

  public abstract Optional<String> bootloader();

  public abstract Optional<String> bootloaderArgs();

  public abstract Optional<Os> os();

  public abstract Optional<IdMap> idmap();

  public abstract Optional<Features> features();

  public abstract Optional<Cpu> cpu();

  public abstract Optional<Clock> clock();

  public abstract Optional<String> onPoweroff();

  public abstract Optional<String> onReboot();

  public abstract Optional<String> onCrash();

  public abstract Optional<String> onLockfailure();

  public abstract Optional<Pm> pm();

  public abstract Optional<Perf> perf();

  /** The {@code <devices>} element as written (absent and empty are told apart, for lossless round trips). */
  abstract Optional<Devices> devicesElement();

  /** The devices: emulator and every device list; empty when the domain has none. */
  public Devices devices() { return devicesElement().orElse(NO_DEVICES); }

  /** Whether the definition has a {@code <devices>} element. */
  public boolean hasDevicesElement() { return devicesElement().isPresent(); }

  private static final Devices NO_DEVICES = Devices.none();

  public abstract List<SecLabel> seclabels();

  public abstract Optional<KeyWrap> keywrap();

  public abstract Optional<LaunchSecurity> launchSecurity();

  public abstract Optional<QemuCommandline> qemuCommandline();

  public abstract Optional<QemuCapabilities> qemuCapabilities();

  public abstract Optional<QemuOverride> qemuOverride();

  public abstract Optional<QemuDeprecation> qemuDeprecation();

  /** What {@code <domain>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt domain XML. Throws {@link InvalidSpecException} naming the field and the rule. */
  public static DomainSpec fromXml(String xml) { return DomainCodecs.parseDomain(xml); }

  /** This domain as libvirt XML, pretty-printed one element per line as libvirt writes it. */
  public String toXml() { return DomainCodecs.renderDomain(this, false); }

  /**
   * The element and attribute paths this instance keeps verbatim because no typed field covers
   * them yet (for example {@code domain/devices/disk/iotune}); empty when fully typed.
   */
  @Value.Lazy public List<String> unmodeledPaths() { return DomainCodecs.unmodeledPaths(this); }

  /** Derives a changed copy; this spec stays as it is. */
  public DomainSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() { DomainRules.check(this); }

  /**
   * Checks this spec against what one host can run, beyond libvirt's parser (which {@code build()}
   * and {@link #fromXml} already apply): the rules libvirt's QEMU driver adds at define time and at
   * start (disk buses and formats, controller models, shmem sizes, fixed display ports, duplicate
   * PCI addresses, ...) when {@code caps} is a QEMU or KVM host's, and what {@code caps} does not
   * offer (domain type, arch, vCPU maximum, firmware, disk buses, graphics and video types, ...).
   *
   * <pre>{@code
   * DomainSpec web = ...;
   * web.validateFor(kvm.node().domainCapabilities());   // or DomainCapabilities.fromXml(virsh domcapabilities)
   * }</pre>
   *
   * @return this spec, for chaining
   * @throws InvalidSpecException the first problem, naming the field and the rule (the others are
   *     attached as suppressed exceptions); {@link #problemsFor} lists them all
   */
  public DomainSpec validateFor(io.kvmsdk.core.capabilities.DomainCapabilities caps) {
    List<InvalidSpecException> problems = problemsFor(caps);
    if (problems.isEmpty()) return this;
    InvalidSpecException first = problems.get(0);
    problems.subList(1, problems.size()).forEach(first::addSuppressed);
    throw first;
  }

  /** Every problem {@link #validateFor} would report, in document order; empty when the host can run this spec. */
  public List<InvalidSpecException> problemsFor(io.kvmsdk.core.capabilities.DomainCapabilities caps) {
    return QemuRules.problems(this, java.util.Objects.requireNonNull(caps, "caps"));
  }

  /** The XML, with secrets (passwords, keys) masked. */
  @Override public String toString() { return DomainCodecs.renderDomain(this, true); }

  /** Builds a {@link DomainSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableDomainSpec.Builder {
    private final List<Consumer<Devices.Builder>> pending = new java.util.ArrayList<>();
    /** Disks added by {@link #addDisk} without a target name: named from their bus at build time. */
    private final java.util.Set<Disk> unnamed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * Sets the OS type ({@code <os><type>hvm</type>}: {@code hvm}, {@code xen}, {@code linux},
     * {@code exe}), keeping the rest of {@code <os>}. libvirt refuses a domain without one; for
     * a machine type or a boot order use {@link #os(Os)} with {@link Os#hvm(String, String)}.
     * Applied at {@link #build()}, over the type of whatever {@code os} holds then.
     */
    public Builder osType(String type) {
      this.osType = java.util.Objects.requireNonNull(type, "type");
      return this;
    }

    private String osType;

    /** Sets the number of vCPUs ({@code <vcpu>N</vcpu>}). */
    public Builder vcpus(int count) {
      vcpu(Vcpu.builder().count(count).build());
      return this;
    }

    /** Sets {@code <devices>}. */
    public Builder devices(Devices devices) {
      devicesElement(devices);
      return this;
    }

    private Builder dev(Consumer<Devices.Builder> change) {
      pending.add(change);
      return this;
    }

    /** Sets the device model emulator ({@code <devices><emulator>}). */
    public Builder emulator(String path) { return dev(d -> d.emulator(path)); }

    /** Adds a disk to {@code <devices>}. */
    public Builder addDisk(Disk d) {
      if (d.targetDev().isEmpty()) unnamed.add(d);
      return dev(x -> x.addDisk(d));
    }

    /** Adds a network interface to {@code <devices>}. */
    public Builder addInterface(Nic n) { return dev(x -> x.addInterface(n)); }

    /** Adds a controller to {@code <devices>}. */
    public Builder addController(Controller c) { return dev(x -> x.addController(c)); }

    /** Adds a channel (for example {@link GuestAgent#channel()}) to {@code <devices>}. */
    public Builder addChannel(Channel c) { return dev(x -> x.addChannel(c)); }

    /** Adds a serial port to {@code <devices>}. */
    public Builder addSerial(Serial s) { return dev(x -> x.addSerial(s)); }

    /** Adds a console to {@code <devices>}. */
    public Builder addConsole(Console c) { return dev(x -> x.addConsole(c)); }

    /** Adds a display to {@code <devices>}. */
    public Builder addGraphics(Graphics g) { return dev(x -> x.addGraphics(g)); }

    /** Adds a video adapter to {@code <devices>}. */
    public Builder addVideo(Video v) { return dev(x -> x.addVideo(v)); }

    /** Adds a host device to {@code <devices>}. */
    public Builder addHostdev(Hostdev h) { return dev(x -> x.addHostdev(h)); }

    /** Adds a filesystem share to {@code <devices>}. */
    public Builder addFilesystem(Filesystem f) { return dev(x -> x.addFilesystem(f)); }

    /** Changes {@code <devices>} in place with the full devices builder. */
    public Builder devices(Consumer<Devices.Builder> change) { return dev(change); }

    @Override public DomainSpec build() {
      if (osType != null) {
        String value = osType;
        Os current = withoutChecks().os().orElse(null);
        OsType t = current == null || current.type().isEmpty() ? OsType.builder().value(value).build()
            : current.type().get().copy(b -> b.value(value));
        os(current == null ? Os.builder().type(t).build() : current.copy(b -> b.type(t)));
        osType = null;
      }
      if (!pending.isEmpty()) {
        Devices.Builder d = Devices.builder().from(withoutChecks().devices());
        pending.forEach(c -> c.accept(d));
        pending.clear();
        Devices built = d.build();
        if (!unnamed.isEmpty()) {
          built = Devices.builder().from(built).disks(DiskNames.assign(built.disks(), unnamed)).build();
          unnamed.clear();
        }
        devices(built);
      }
      return checkedBuild();
    }

    /** The spec as set so far, without the define-time rules (only to read it back while building). */
    private DomainSpec withoutChecks() {
      DomainRules.SUSPENDED.set(Boolean.TRUE);
      try {
        return checkedBuild();
      } finally {
        DomainRules.SUSPENDED.remove();
      }
    }

    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("type", "domain/@type", "name", "domain/name");

    private DomainSpec checkedBuild() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw REQUIRED.refusal(e);
      }
    }
  }
}
