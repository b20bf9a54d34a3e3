package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.storage.iscsi.IscsiInitiator;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.storage.iscsi.MultipathConf;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chapter 5: a guest whose disk is an iSCSI LUN: the SAN serves it from tgt with CHAP on two portals; the
 * hypervisor keeps the CHAP secret in a libvirt secret, reaches the LUN through an
 * {@code iscsi-direct} pool (libvirt's own initiator) and, for its own use, through open-iscsi on
 * both portals with multipath (ALUA settings); the guest boots from the pool's volume.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.IscsiBackedGuest      # fake:///hv1, fake hosts hv1 and san1 (tgtd running, the LUN's file there)
 * java -cp "$CP" io.kvmsdk.samples.IscsiBackedGuest --uri qemu:///system --uri ssh://root@san1            # plans as dry runs, XML printed
 * java -cp "$CP" io.kvmsdk.samples.IscsiBackedGuest --uri qemu:///system --uri ssh://root@san1 --apply    # root on both
 * }</pre>
 *
 * The second {@code --uri} is the SAN, reached over ssh (no libvirt needed there: tgtd running, the
 * LUN's backing file present); the hypervisor needs libvirt's iscsi-direct backend. All or nothing: if
 * a step fails (a failing plan step, a dropped connection, a lost SAN), what this run set up is taken
 * back, newest first. The CHAP secret is never printed.
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

  public static void main(String[] args) { recipe().main(args, IscsiBackedGuest::body); }

  static Recipe recipe() {
    return Recipe.named("IscsiBackedGuest").hosts("hv1", "san1")
        .root("configures tgtd on the SAN (tgtadm), logs the hypervisor in (iscsiadm) and writes /etc/multipath.conf");
  }

  static int body(Recipe r) {
    if (r.fake()) {
      // a SAN whose tgtd runs, with the LUN's backing file (on a real SAN: truncate -s 20G /srv/iscsi/web1.img)
      SampleHosts.clusterState("san1", "io.kvmsdk.storage.fake.Tgtadm", "TGTD",
          s -> SampleHosts.call(s, "start", 0, new String[] {"192.0.2.10:3260", "198.51.100.10:3260"}));
      r.fakeFile("san1", "/srv/iscsi/web1.img", "web1 disk");
      SampleHosts.clusterState("hv1", "io.kvmsdk.storage.fake.Iscsiadm", "STATE", s -> SampleHosts.call(s, "expose", TARGET));
    }
    Optional<CommandRunner> san = r.runner("san1");
    Optional<CommandRunner> hv1 = r.runner("hv1");
    Kvm kvm = r.kvm("hv1");
    if (san.isEmpty() || hv1.isEmpty()) {
      r.say("== the target, as tgt's targets.conf shows it\n" + TARGET);
      r.apply("san1", TARGET.tgtPlan());
      r.apply("hv1", hypervisorPlan());
      r.say("== the libvirt secret, the iscsi-direct pool and the guest, once the LUN is served (run with --apply):");
      r.say(TARGET.chapSecret(SECRET_USAGE).toXml() + "\n" + poolSpec().toXml() + "\n" + guest().toXml());
      return Recipe.DONE;
    }
    run(r.out(), san.get(), hv1.get(), kvm);
    return Recipe.DONE;
  }

  /** The hypervisor's open-iscsi sessions on both portals, then multipath. */
  public static Plan hypervisorPlan() {
    return IscsiInitiator.named(INITIATOR).loginPlan(TARGET).then(MultipathConf.forTgt().plan());
  }

  /** The {@code iscsi-direct} pool {@code vmstore}. */
  public static StoragePoolSpec poolSpec() { return TARGET.libvirtPool("vmstore", "192.0.2.10", INITIATOR, SECRET_USAGE); }

  /** The guest {@code web1}, booting from LUN 1. */
  public static DomainSpec guest() {
    return DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(1024)).vcpus(2).os(Os.hvm("x86_64", "pc"))
        .addDisk(TARGET.disk(1, "192.0.2.10", INITIATOR, SECRET_USAGE).virtio())
        .build();
  }

  /**
   * Serves the target from {@code san}, logs {@code hypervisor} in with multipath, and boots a guest from
   * the LUN on {@code kvm}. If a step fails, what this call set up is undone (newest first) and the error goes on.
   */
  public static Domain run(PrintStream out, CommandRunner san, CommandRunner hypervisor, Kvm kvm) {
    Objects.requireNonNull(out, "out");
    Undo undo = new Undo();
    try {
      return run(out, san, hypervisor, kvm, undo);
    } catch (RuntimeException e) {
      List<String> undone = undo.run(e);
      if (!undone.isEmpty()) out.println("# rolled back: " + String.join(", ", undone));
      throw e;
    }
  }

  private static Domain run(PrintStream out, CommandRunner san, CommandRunner hypervisor, Kvm kvm, Undo undo) {
    out.println("== the target, as tgt's targets.conf shows it\n" + TARGET);
    out.println("== tgtadm plan on " + san.host() + "\n" + TARGET.tgtPlan());
    PlanResult served = TARGET.tgtPlan().apply(san, Recipe.progressOptions(out));
    if (served.changed()) undo.push("target removed from " + san.host(), () -> TARGET.tgtRemovalPlan().apply(san));
    out.println("applied: changed=" + served.changed() + "; again: changed=" + TARGET.tgtPlan().apply(san).changed());

    out.println("== open-iscsi on both portals, then multipath (ALUA) on " + hypervisor.host() + "\n"
        + IscsiInitiator.named(INITIATOR).loginPlan(TARGET));
    out.println(MultipathConf.forTgt().render());
    undo.plan("logged out of the target on " + hypervisor.host(), hypervisor, hypervisorPlan().apply(hypervisor, Recipe.progressOptions(out)));

    out.println("== the libvirt secret, the iscsi-direct pool and the guest on " + kvm);
    boolean hadSecret = kvm.secrets().find(SECRET_USAGE).isPresent();
    Secret secret = TARGET.defineChapSecret(kvm, SECRET_USAGE);
    if (!hadSecret) undo.push("secret " + SECRET_USAGE + " undefined", secret::undefine);
    out.println(TARGET.chapSecret(SECRET_USAGE).toXml());
    StoragePoolSpec spec = poolSpec();
    out.println(spec.toXml());
    StoragePool pool = kvm.pools().find("vmstore").orElse(null);
    if (pool == null) {
      StoragePool defined = kvm.pools().define(spec);
      undo.push("pool vmstore undefined", defined::undefine);
      pool = defined;
    }
    if (!pool.isActive()) {
      StoragePool started = pool.start();
      undo.push("pool vmstore stopped", started::destroy);
    }
    DomainSpec guest = guest();
    out.println(guest.toXml());
    Domain d = kvm.domains().find("web1").orElse(null);
    if (d == null) {
      Domain defined = kvm.domains().define(guest);
      undo.push("guest web1 undefined", defined::undefine);
      d = defined;
    }
    d.start();
    out.println("guest web1: " + d.state());
    return d;
  }
}
