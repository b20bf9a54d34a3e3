package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.SshCommandRunner;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.iscsi.IscsiInitiator;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.storage.iscsi.MultipathConf;
import java.io.PrintStream;
import java.util.Objects;

/**
 * A guest whose disk is an iSCSI LUN: the SAN serves it from tgt with CHAP on two portals; the
 * hypervisor keeps the CHAP secret in a libvirt secret, reaches the LUN through an
 * {@code iscsi-direct} pool (libvirt's own initiator) and, for its own use, through open-iscsi on
 * both portals with multipath (ALUA settings); the guest boots from the pool's volume.
 *
 * <p>{@code main} with no arguments runs it on fakes (a fake SAN, a fake hypervisor host and
 * {@code fake:///iscsi-demo}) and prints each plan and document. Real machines only when named:
 * {@code IscsiBackedGuest <libvirt-uri> <san-ssh-host> <hypervisor-ssh-host>} (ssh as root, tgtd
 * running on the SAN, the LUN's backing file present, libvirt's iscsi-direct backend installed).
 */
public final class IscsiBackedGuest {
  /** The SAN's target: one LUN with CHAP, for hypervisor hv1, on two portals. */
  public static final IscsiTarget TARGET = IscsiTarget.builder()
      .iqn("iqn.2026-01.io.kvmsdk:vmstore")
      .addLun(IscsiLun.file(1, "/srv/iscsi/web1.img").copy(l -> l.serial("vmstore-web1")))
      .addPortal("192.0.2.10", 3260).addPortal("198.51.100.10", 3260)
      .chap("hv1chap", "Tr0ub4dor-san")   // 12 to 16 characters; printed as ****
      .allowInitiator("iqn.2026-01.io.kvmsdk:hv1")
      .maxConnections(2)
      .build();
  public static final String INITIATOR = "iqn.2026-01.io.kvmsdk:hv1";
  public static final String SECRET_USAGE = "vmstore-chap";

  private IscsiBackedGuest() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      if (args.length != 3) throw new IllegalArgumentException("usage: IscsiBackedGuest [<libvirt-uri> <san-ssh-host> <hypervisor-ssh-host>]");
      try (Kvm kvm = Kvm.connect(args[0])) {
        run(System.out, SshCommandRunner.builder(args[1]).user("root").build(), SshCommandRunner.builder(args[2]).user("root").build(), kvm);
      }
      return;
    }
    CommandRunner san = StorageFakes.tgtRunner("san1", "192.0.2.10:3260", "198.51.100.10:3260");
    // the LUN's backing file (on a real SAN: truncate -s 20G /srv/iscsi/web1.img)
    san.run(HostCommand.builder().args("install", "-D", "-m", "0600", "/dev/stdin", "/srv/iscsi/web1.img").stdin("web1 disk").build()).orThrow();
    CommandRunner hv1 = StorageFakes.initiatorRunner("hv1", TARGET);
    try (Kvm kvm = Kvm.connect("fake:///iscsi-demo")) {
      run(System.out, san, hv1, kvm);
    }
  }

  /** Serves the target from {@code san}, logs {@code hypervisor} in with multipath, and boots a guest from the LUN on {@code kvm}. */
  public static Domain run(PrintStream out, CommandRunner san, CommandRunner hypervisor, Kvm kvm) {
    Objects.requireNonNull(out, "out");
    out.println("== the target, as tgt's targets.conf shows it\n" + TARGET);
    out.println("== tgtadm plan on " + san.host() + "\n" + TARGET.tgtPlan());
    PlanResult served = TARGET.tgtPlan().apply(san);
    out.println("applied: changed=" + served.changed() + "; again: changed=" + TARGET.tgtPlan().apply(san).changed());

    IscsiInitiator initiator = IscsiInitiator.named(INITIATOR);
    MultipathConf multipath = MultipathConf.forTgt();
    out.println("== open-iscsi on both portals, then multipath (ALUA) on " + hypervisor.host() + "\n" + initiator.loginPlan(TARGET));
    out.println(multipath.render());
    initiator.loginPlan(TARGET).then(multipath.plan()).apply(hypervisor);

    out.println("== the libvirt secret, the iscsi-direct pool and the guest on " + kvm);
    TARGET.defineChapSecret(kvm, SECRET_USAGE);
    out.println(TARGET.chapSecret(SECRET_USAGE).toXml());
    StoragePoolSpec poolSpec = TARGET.libvirtPool("vmstore", "192.0.2.10", INITIATOR, SECRET_USAGE);
    out.println(poolSpec.toXml());
    StoragePool pool = kvm.pools().find("vmstore").orElseGet(() -> kvm.pools().define(poolSpec));
    if (!pool.isActive()) pool.start();
    DomainSpec guest = DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(1024)).vcpus(2).os(Os.hvm("x86_64", "pc"))
        .addDisk(TARGET.disk(1, "192.0.2.10", INITIATOR, SECRET_USAGE).virtio())
        .build();
    out.println(guest.toXml());
    Domain d = kvm.domains().find("web1").orElseGet(() -> kvm.domains().define(guest));
    d.start();
    out.println("guest web1: " + d.state());
    return d;
  }
}
