package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.STATS;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DiskTarget;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.DomainStats;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.UndefineOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Domains: definitions, the state machine and its refusals, transient domains, autostart, events, statistics. */
final class DomainContractCases {
  private DomainContractCases() {}

  private static final String INVALID = "VIR_ERR_OPERATION_INVALID";
  private static final String FAILED = "VIR_ERR_OPERATION_FAILED";
  private static final String NOT_RUNNING = "Requested operation is not valid: domain is not running";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("domain", "a defined domain is persistent, shut off, listed and found by name", DomainContractCases::defined),
        ContractCase.of("domain", "list filters: active/inactive, persistent/transient, running/paused/shut off, autostart",
            DomainContractCases::listFilters),
        ContractCase.of("domain", "a missing domain is not found, with libvirt's VIR_ERR_NO_DOMAIN as cause", DomainContractCases::missing),
        ContractCase.of("domain", "define over an existing name needs the same UUID", DomainContractCases::redefine),
        ContractCase.of("domain", "redefining a running domain changes only the next boot", DomainContractCases::redefineRunning),
        ContractCase.of("domain", "start, suspend, resume and destroy move through libvirt's states", DomainContractCases::lifecycle),
        ContractCase.of("domain", "a shut-off domain refuses suspend, resume, destroy and reboot", DomainContractCases::shutOffRefusals,
            QEMU_DRIVER),
        ContractCase.of("domain", "a running domain refuses start and resume; suspending a paused one succeeds",
            DomainContractCases::runningRefusals, QEMU_DRIVER),
        ContractCase.of("domain", "a paused domain refuses shutdown, accepts reboot and stays paused", DomainContractCases::pausedRefusals,
            QEMU_DRIVER),
        ContractCase.of("domain", "undefining a running domain leaves it running as transient until it stops",
            DomainContractCases::undefineRunning),
        ContractCase.of("domain", "a created domain runs transient and vanishes when destroyed", DomainContractCases::transientDomain),
        ContractCase.of("domain", "creating a domain whose name or UUID is taken is refused", DomainContractCases::createConflicts, QEMU_DRIVER),
        ContractCase.of("domain", "autostart is kept for persistent domains and refused for transient ones", DomainContractCases::autostart),
        ContractCase.of("domain", "the live definition carries the runtime id, the inactive one does not", DomainContractCases::liveVsInactive),
        ContractCase.of("domain", "lifecycle events arrive in QEMU's order", DomainContractCases::events, EVENTS, QEMU_DRIVER),
        ContractCase.of("domain", "events of a redefinition, an undefine while running and a transient domain", DomainContractCases::moreEvents,
            EVENTS, QEMU_DRIVER),
        ContractCase.of("domain", "statistics report state, vCPUs and balloon of a running domain", DomainContractCases::stats, STATS),
        ContractCase.of("domain", "PCI addresses the definition gives: used twice or out of a bus's slots is libvirt's XML error; kept in its hex form",
            DomainContractCases::pciAddresses, QEMU_DRIVER),
        ContractCase.of("domain", "libvirt's parser makes a CD-ROM read-only; a running guest's shared memory gets its alias",
            DomainContractCases::parserDefaults, QEMU_DRIVER),
        ContractCase.of("domain", "undefine refuses to both keep and delete NVRAM or TPM state", DomainContractCases::undefineFlags, QEMU_DRIVER),
        ContractCase.of("domain", "the QEMU driver refuses a CD-ROM on virtio and IDE on q35 at define", DomainContractCases::qemuRefusals, QEMU_DRIVER),
        ContractCase.of("domain", "a VNC password is at most 8 characters, and not in the XML handed back (no VIR_DOMAIN_XML_SECURE)",
            DomainContractCases::noPasswordBack, QEMU_DRIVER));
  }

  static void defined(ContractRun run) {
    String name = run.name("def");
    Domain d = run.define(run.guest(name));
    expectEqual("state after define", DomainState.SHUTOFF, d.state());
    check(d.isPersistent(), "a defined domain must be persistent");
    check(!d.autostart(), "a new domain must not autostart");
    check(d.uuid() != null && UUID.fromString(d.uuid()) != null, "define must assign a UUID, got " + d.uuid());
    expectEqual("lookup by name", d, run.kvm().domains().get(name));
    check(run.kvm().domains().list().contains(d), "list() must contain the defined domain " + name);
    expectEqual("memory read back", Size.mib(64).kib(), d.inactiveSpec().memory().orElseThrow().kib());
  }

  /** Names of this run's {@code lf-} domains that {@code list(filters)} returns. */
  private static Set<String> listed(ContractRun run, DomainFilter... filters) {
    return run.kvm().domains().list(filters).stream().map(Domain::name).filter(n -> n.startsWith(run.name("lf-")))
        .collect(java.util.stream.Collectors.toSet());
  }

  static void listFilters(ContractRun run) {
    Domain off = run.define(run.guest(run.name("lf-off")));
    off.setAutostart(true);
    Domain on = run.define(run.guest(run.name("lf-on"))).start();
    Domain paused = run.define(run.guest(run.name("lf-paused"))).start().suspend();
    String t = run.name("lf-tmp");
    run.cleanUp(run.kvm(), t);
    Domain tmp = run.kvm().domains().create(run.guest(t));
    expectEqual("list()", Set.of(off.name(), on.name(), paused.name(), tmp.name()), listed(run));
    expectEqual("ACTIVE", Set.of(on.name(), paused.name(), tmp.name()), listed(run, DomainFilter.ACTIVE));
    expectEqual("INACTIVE", Set.of(off.name()), listed(run, DomainFilter.INACTIVE));
    expectEqual("TRANSIENT", Set.of(tmp.name()), listed(run, DomainFilter.TRANSIENT));
    expectEqual("ACTIVE + PERSISTENT", Set.of(on.name(), paused.name()),
        listed(run, DomainFilter.ACTIVE, DomainFilter.PERSISTENT));
    expectEqual("PAUSED or SHUTOFF", Set.of(paused.name(), off.name()),
        listed(run, DomainFilter.PAUSED, DomainFilter.SHUTOFF));
    expectEqual("AUTOSTART", Set.of(off.name()), listed(run, DomainFilter.AUTOSTART));
  }

  static void missing(ContractRun run) {
    String name = run.name("missing");
    check(run.kvm().domains().find(name).isEmpty(), "find of a missing domain must be empty");
    Domain ghost = new Domain(run.kvm().hypervisor(), name, null);
    var e = run.expectNotFound("state of a missing domain", ghost::state, "domain", name);
    if (run.has(QEMU_DRIVER)) {
      check(e.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_DOMAIN"),
          "the cause must be libvirt's VIR_ERR_NO_DOMAIN, got " + e.getCause());
    }
    run.expectNotFound("start of a missing domain", ghost::start, "domain", name);
  }

  static void redefine(ContractRun run) {
    String name = run.name("redef");
    DomainSpec spec = run.guest(name);
    Domain d = run.define(spec);
    run.expectRefused("define the same name with another UUID", () -> run.kvm().domains().define(spec.copy(b -> b.uuid(UUID.randomUUID().toString()))),
        FAILED, null);
    run.expectRefused("define the same name without a UUID (libvirt makes a random one)", () -> run.kvm().domains().define(spec), FAILED,
        "operation failed: domain '" + name + "' already exists with uuid " + d.uuid());
    String other = run.name("redef-other");
    run.cleanUp(run.kvm(), other);
    run.expectRefused("define another name with the same UUID", () -> run.kvm().domains().define(spec.copy(b -> b.name(other).uuid(d.uuid()))),
        FAILED, "operation failed: domain '" + name + "' is already defined with uuid " + d.uuid());
    Domain again = run.kvm().domains().define(spec.copy(b -> b.uuid(d.uuid()).memory(Size.mib(96))));
    expectEqual("redefine keeps the UUID", d.uuid(), again.uuid());
    expectEqual("redefined memory", Size.mib(96).kib(), d.inactiveSpec().memory().orElseThrow().kib());
  }

  static void redefineRunning(ContractRun run) {
    String name = run.name("nextboot");
    DomainSpec spec = run.guest(name);
    Domain d = run.define(spec).start();
    run.kvm().domains().define(spec.copy(b -> b.uuid(d.uuid()).memory(Size.mib(96))));
    expectEqual("live memory after redefining a running domain", Size.mib(64).kib(), d.spec().memory().orElseThrow().kib());
    expectEqual("next-boot memory", Size.mib(96).kib(), d.inactiveSpec().memory().orElseThrow().kib());
    d.destroy().start();
    expectEqual("memory after a restart", Size.mib(96).kib(), d.spec().memory().orElseThrow().kib());
  }

  static void lifecycle(ContractRun run) {
    Domain d = run.define(run.guest(run.name("life")));
    d.start();
    expectEqual("state after start", DomainState.RUNNING, d.state());
    d.suspend();
    expectEqual("state after suspend", DomainState.PAUSED, d.state());
    d.resume();
    expectEqual("state after resume", DomainState.RUNNING, d.state());
    d.destroy();
    expectEqual("state after destroy", DomainState.SHUTOFF, d.state());
    check(d.isPersistent(), "a persistent domain stays defined after destroy");
  }

  static void shutOffRefusals(ContractRun run) {
    Domain d = run.define(run.guest(run.name("off")));
    run.expectRefused("suspend a shut-off domain", d::suspend, INVALID, NOT_RUNNING);
    run.expectRefused("resume a shut-off domain", d::resume, INVALID, NOT_RUNNING);
    run.expectRefused("destroy a shut-off domain", d::destroy, INVALID, NOT_RUNNING);
    run.expectRefused("reboot a shut-off domain", d::reboot, INVALID, NOT_RUNNING);
    run.expectRefused("shut down a shut-off domain", d::shutdown, INVALID, NOT_RUNNING);
    expectEqual("state after the refusals", DomainState.SHUTOFF, d.state());
  }

  static void runningRefusals(ContractRun run) {
    Domain d = run.define(run.guest(run.name("on"))).start();
    run.expectRefused("start a running domain", d::start, INVALID, "Requested operation is not valid: domain is already running");
    run.expectRefused("resume a running domain", d::resume, INVALID, "Requested operation is not valid: domain is already running");
    d.suspend();
    d.suspend();
    expectEqual("state after suspending a paused domain", DomainState.PAUSED, d.state());
  }

  static void pausedRefusals(ContractRun run) {
    Domain d = run.define(run.guest(run.name("paused"))).start().suspend();
    run.expectRefused("shut down a paused domain", d::shutdown, INVALID, NOT_RUNNING);
    d.reboot();
    expectEqual("state after rebooting a paused domain", DomainState.PAUSED, d.state());
  }

  static void undefineRunning(ContractRun run) {
    String name = run.name("undef");
    Domain d = run.define(run.guest(name)).start();
    d.undefine();
    expectEqual("state after undefine", DomainState.RUNNING, d.state());
    check(!d.isPersistent(), "an undefined running domain must be transient");
    if (run.has(QEMU_DRIVER)) {   // libvirt's test driver lets it pass
      run.expectRefused("undefine a transient domain", d::undefine, INVALID, "Requested operation is not valid: cannot undefine transient domain");
    }
    d.destroy();
    check(run.kvm().domains().find(name).isEmpty(), "a transient domain must vanish when it stops");
  }

  static void transientDomain(ContractRun run) {
    String name = run.name("tmp");
    run.cleanUp(run.kvm(), name);
    Domain d = run.kvm().domains().create(run.guest(name));
    expectEqual("state after create", DomainState.RUNNING, d.state());
    check(!d.isPersistent(), "a created domain must be transient");
    check(run.kvm().domains().list().contains(d), "list() must contain the transient domain");
    d.destroy();
    check(run.kvm().domains().find(name).isEmpty(), "a transient domain must vanish when destroyed");
  }

  static void createConflicts(ContractRun run) {
    String name = run.name("cc");
    DomainSpec spec = run.guest(name);
    run.cleanUp(run.kvm(), name);
    Domain d = run.kvm().domains().create(spec);
    run.expectRefused("create the same name again", () -> run.kvm().domains().create(spec), FAILED,
        "operation failed: domain '" + name + "' already exists with uuid " + d.uuid());
    run.expectRefused("create the same UUID again", () -> run.kvm().domains().create(spec.copy(b -> b.uuid(d.uuid()))), INVALID,
        "Requested operation is not valid: domain '" + name + "' is already active");
    String other = run.name("cc-other");
    run.cleanUp(run.kvm(), other);
    run.expectRefused("create another name with the same UUID", () -> run.kvm().domains().create(spec.copy(b -> b.name(other).uuid(d.uuid()))),
        FAILED, "operation failed: domain '" + name + "' is already defined with uuid " + d.uuid());
  }

  static void autostart(ContractRun run) {
    Domain d = run.define(run.guest(run.name("auto")));
    d.setAutostart(true);
    check(d.autostart(), "autostart must read back true");
    d.setAutostart(false);
    check(!d.autostart(), "autostart must read back false");
    String t = run.name("auto-tmp");
    run.cleanUp(run.kvm(), t);
    Domain tmp = run.kvm().domains().create(run.guest(t));
    if (run.has(QEMU_DRIVER)) {   // libvirt's test driver lets it pass
      run.expectRefused("autostart of a transient domain", () -> tmp.setAutostart(true), INVALID,
          "Requested operation is not valid: cannot set autostart for transient domain");
    }
  }

  static void liveVsInactive(ContractRun run) {
    Domain d = run.define(run.guest(run.name("ids")));
    check(d.spec().id().isEmpty(), "a shut-off domain's XML has no id");
    d.start();
    check(d.spec().id().isPresent(), "a running domain's live XML carries its id");
    check(d.inactiveSpec().id().isEmpty(), "the inactive XML has no id");
  }

  static void events(ContractRun run) {
    ContractRun.EventLog log = run.events(run.kvm());
    String name = run.name("ev");
    Domain d = run.kvm().domains().define(run.guest(name));
    d.start();
    d.suspend();
    d.resume();
    d.destroy();
    d.undefine();
    List<String> expected = List.of("DEFINED/ADDED", "RESUMED/UNPAUSED", "STARTED/BOOTED", "SUSPENDED/PAUSED", "RESUMED/UNPAUSED",
        "SHUTDOWN/UNKNOWN", "STOPPED/DESTROYED", "UNDEFINED/REMOVED");
    expectEqual("events of define, start, suspend, resume, destroy, undefine", expected, log.settle(name, expected.size()));
  }

  static void moreEvents(ContractRun run) {
    ContractRun.EventLog log = run.events(run.kvm());
    String name = run.name("ev2");
    DomainSpec spec = run.guest(name);
    Domain d = run.define(spec).start();
    run.kvm().domains().define(spec.copy(b -> b.uuid(d.uuid()).memory(Size.mib(96))));
    d.undefine();
    d.destroy();
    List<String> expected = List.of("DEFINED/ADDED", "RESUMED/UNPAUSED", "STARTED/BOOTED", "DEFINED/UPDATED", "UNDEFINED/REMOVED",
        "SHUTDOWN/UNKNOWN", "STOPPED/DESTROYED");
    expectEqual("events of define, start, redefine, undefine, destroy", expected, log.settle(name, expected.size()));

    String tmp = run.name("ev3");
    run.cleanUp(run.kvm(), tmp);
    run.kvm().domains().create(run.guest(tmp)).destroy();
    List<String> transientEvents = List.of("RESUMED/UNPAUSED", "STARTED/BOOTED", "SHUTDOWN/UNKNOWN", "STOPPED/DESTROYED");
    expectEqual("events of create and destroy of a transient domain (no UNDEFINED)", transientEvents, log.settle(tmp, transientEvents.size()));
  }

  static void pciAddresses(ContractRun run) {
    String xml = "VIR_ERR_XML_ERROR";
    Nic nic = Nic.user().virtio();
    String twice = run.name("pci2");
    run.cleanUp(run.kvm(), twice);   // in case the target wrongly accepts it
    DomainSpec two = run.guest(twice).copy(b -> b.addInterface(nic.copy(n -> n.address(DeviceAddress.pci(0, 0, 5, 0))))
        .addInterface(nic.copy(n -> n.address(DeviceAddress.pci(0, 0, 5, 0)))));
    run.expectRefused("define two NICs at one PCI address", () -> run.kvm().domains().define(two), xml,
        "XML error: Attempted double use of PCI Address 0000:00:05.0");
    check(run.kvm().domains().find(twice).isEmpty(), "a refused definition leaves no domain");
    String bridge = run.name("pci-slot0");
    run.cleanUp(run.kvm(), bridge);
    DomainSpec slot0 = run.guest(bridge).copy(b -> b.addController(Controller.pci(1, "pci-bridge"))
        .addInterface(nic.copy(n -> n.address(DeviceAddress.pci(0, 1, 0, 0)))));
    run.expectRefused("define a NIC at slot 0 of a pci-bridge", () -> run.kvm().domains().define(slot0), xml,
        "XML error: Invalid PCI address 0000:01:00.0. slot must be >= 1");
    run.expectRefused("define a NIC on PCI domain 1", () -> run.kvm().domains().define(run.guest(bridge).copy(b -> b.addInterface(
        nic.copy(n -> n.address(DeviceAddress.builder().type("pci").domain("1").bus("0").slot("5").function("0").build()))))), xml,
        "XML error: Invalid PCI address 0001:00:05.0. Only PCI domain 0 is available");
    Domain d = run.define(run.guest(run.name("pci")).copy(b -> b.addInterface(nic.copy(n -> n.address(
        DeviceAddress.builder().type("pci").domain("0").bus("0").slot("6").function("0").build())))));
    expectEqual("a given PCI address as libvirt prints it", java.util.Optional.of(DeviceAddress.pci(0, 0, 6, 0)),
        d.inactiveSpec().devices().interfaces().get(0).address());
  }

  static void parserDefaults(ContractRun run) {
    Disk cdrom = Disk.builder().type("file").device("cdrom").target(DiskTarget.builder().dev("hdc").bus("ide").build()).build();
    io.kvmsdk.core.domain.Shmem shmem = io.kvmsdk.core.domain.Shmem.builder().name(run.name("shm")).model("ivshmem-plain")
        .size(Size.mib(4)).build();
    DomainSpec base = run.guest(run.name("parsed")).copy(b -> b.addDisk(cdrom));
    Domain d = run.define(base.copy(b -> b.devices(io.kvmsdk.core.domain.Devices.builder().from(base.devices()).addShmem(shmem).build())));
    check(d.inactiveSpec().devices().disks().get(0).isReadonly(), "a CD-ROM defined without <readonly/> is read-only: "
        + d.inactiveSpec().devices().disks().get(0));
    d.start();
    check(d.spec().devices().disks().get(0).isReadonly(), "a running CD-ROM is read-only");
    expectEqual("alias of a running guest's shmem", java.util.Optional.of("shmem0"), d.spec().devices().shmems().get(0).alias());
  }

  static void qemuRefusals(ContractRun run) {
    Disk cdrom = Disk.builder().type("file").device("cdrom").target(DiskTarget.builder().dev("vda").bus("virtio").build()).isReadonly(true).build();
    LibvirtException e = run.expectRefused("define with a CD-ROM on virtio", () -> run.define(run.guest(run.name("cdvirtio")).copy(b -> b.addDisk(cdrom))),
        "VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration: disk type of 'vda' does not support ejectable media");
    expectEqual("its error domain", "VIR_FROM_QEMU", e.errorDomain());
    Disk ide = Disk.builder().type("file").device("cdrom").target(DiskTarget.builder().dev("hdc").bus("ide").build()).isReadonly(true).build();
    DomainSpec q35 = run.guest(run.name("ideq35")).copy(b -> b.os(io.kvmsdk.core.domain.Os.hvm("x86_64", "q35")).addDisk(ide));
    e = run.expectRefused("define of a q35 guest with an IDE CD-ROM", () -> run.define(q35), "VIR_ERR_CONFIG_UNSUPPORTED",
        "unsupported configuration: IDE controllers are unsupported for this QEMU binary or machine type");
    expectEqual("its error domain", "VIR_FROM_QEMU", e.errorDomain());
    check(run.kvm().domains().find(q35.name()).isEmpty(), "a refused definition leaves nothing behind");
    Disk sata = Disk.builder().type("file").device("cdrom").target(DiskTarget.builder().dev("sda").bus("sata").build()).isReadonly(true).build();
    run.define(run.guest(run.name("cdsata")).copy(b -> b.os(io.kvmsdk.core.domain.Os.hvm("x86_64", "q35")).addDisk(sata)));
  }

  static void noPasswordBack(ContractRun run) {
    DomainSpec tooLong = run.guest(run.name("vncpw")).copy(b -> b.addGraphics(io.kvmsdk.core.domain.Graphics.vnc().listenAddress("127.0.0.1")
        .password("contract-pw")));
    run.expectRefused("define with an 11-character VNC password", () -> run.define(tooLong), "VIR_ERR_CONFIG_UNSUPPORTED",
        "unsupported configuration: VNC password is 11 characters long, only 8 permitted");
    DomainSpec spec = run.guest(run.name("vncpw")).copy(b -> b.addGraphics(io.kvmsdk.core.domain.Graphics.vnc().listenAddress("127.0.0.1")
        .password("ctpw1234")));
    Domain d = run.define(spec);
    expectEqual("graphics passwd of the inactive XML", java.util.Optional.empty(), d.inactiveSpec().devices().graphics().get(0).passwd());
    expectEqual("graphics passwd of the XML", java.util.Optional.empty(), d.spec().devices().graphics().get(0).passwd());
    check(!d.spec().toXml().contains("ctpw1234"), "the password is nowhere in the XML");
  }

  static void undefineFlags(ContractRun run) {
    Domain d = run.define(run.guest(run.name("keep")));
    run.expectRefused("undefine with NVRAM and KEEP_NVRAM", () -> d.undefine(UndefineOption.NVRAM, UndefineOption.KEEP_NVRAM), INVALID,
        "Requested operation is not valid: cannot both keep and delete nvram");
    run.expectRefused("undefine with TPM and KEEP_TPM", () -> d.undefine(UndefineOption.TPM, UndefineOption.KEEP_TPM), INVALID,
        "Requested operation is not valid: cannot both keep and delete TPM");
    check(run.kvm().domains().find(d.name()).isPresent() && d.isPersistent(), "a refused undefine leaves the domain defined");
  }

  private static Long number(DomainStats s, String key) {
    Object v = s.raw().get(key);
    return v instanceof Number n ? n.longValue() : null;
  }

  static void stats(ContractRun run) {
    Domain d = run.define(run.guest(run.name("stats"))).start();
    DomainStats s = d.stats();
    expectEqual("state.state of a running domain (VIR_DOMAIN_RUNNING)", 1L, number(s, "state.state"));
    if (run.has(QEMU_DRIVER)) {   // the test driver has no balloon or vcpu group
      expectEqual("balloon.maximum (KiB)", 65536L, number(s, "balloon.maximum"));
      expectEqual("vcpu.current", 1L, number(s, "vcpu.current"));
    }
    check(run.kvm().domains().stats().containsKey(d.name()), "bulk statistics must include " + d.name());
  }
}
