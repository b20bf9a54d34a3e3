package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.Auth;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.domain.SecLabel;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.SecretSpec;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Chapter 13: a tenant guest that cannot spoof or disturb its neighbours, confined by sVirt, whose
 * CHAP secret never appears in a log, an XML or a plan.
 *
 * <ul>
 *   <li><b>Anti-spoofing</b>: core's nwfilter factories ({@link NwFilterSpec#noMacSpoofing},
 *       {@link NwFilterSpec#noIpSpoofing}, {@link NwFilterSpec#noArpSpoofing}) plus
 *       {@link NwFilterSpec#noStp} (no BPDUs from guests: a guest cannot take part in, or disturb,
 *       the host bridge's spanning tree), gathered in one filter the NIC references with its IP.</li>
 *   <li><b>sVirt</b>: a dynamic SELinux label ({@code svirt_t} with a unique MCS category per guest);
 *       libvirt relabels the guest's images for it.</li>
 *   <li><b>CHAP</b>: the password is a libvirt secret (private: libvirt never hands it out again); the
 *       disk's {@code <auth>} names the secret, not the password; the initiator's plan passes it as a
 *       masked argument, so printing the plan shows {@code ****}. The {@code char[]} is wiped after use.</li>
 * </ul>
 *
 * All or nothing: when a step fails (a dropped connection, a refused start), what this run defined
 * is undefined again, newest first, and the error goes on.
 */
public final class GuestSecurity {
  /** The tenant network's guest address. */
  public static final String GUEST_IP = "192.0.2.77";
  /** The iSCSI target whose LUN is the guest's disk. */
  public static final String TARGET = "iqn.2026-01.io.kvmsdk:tenant1";

  /** The filters, leaves first, and the one the NIC references. */
  public static final List<NwFilterSpec> FILTERS = List.of(
      NwFilterSpec.noMacSpoofing("kvmsdk-no-mac-spoofing").build(),
      NwFilterSpec.noIpSpoofing("kvmsdk-no-ip-spoofing").build(),
      NwFilterSpec.noArpSpoofing("kvmsdk-no-arp-spoofing").build(),
      NwFilterSpec.noStp("kvmsdk-no-bpdu").build(),
      NwFilterSpec.referencing("kvmsdk-tenant", "kvmsdk-no-mac-spoofing", "kvmsdk-no-ip-spoofing", "kvmsdk-no-arp-spoofing",
          "kvmsdk-no-bpdu").build());

  private GuestSecurity() {}

  /** The guest: NIC filtered by {@code kvmsdk-tenant} with its IP, SELinux dynamic label, disk on iSCSI with CHAP through the secret. */
  public static DomainSpec guest(String name) {
    Nic nic = Nic.network("default").virtio().copy(b -> b.filterref(NicFilterRef.builder().filter("kvmsdk-tenant")
        .addParameters(NicFilterParameter.of("IP", GUEST_IP)).build()));
    return DomainSpec.builder().type("kvm").name(name).vcpus(1).memory(Size.mib(512)).os(Os.hvm("x86_64", "q35"))
        .addInterface(nic)
        .addDisk(Disk.iscsi(TARGET + "/1", SourceHost.of("192.0.2.5", 3260), Auth.chap("tenant1", TARGET)).virtio())
        .addSeclabels(SecLabel.dynamic("selinux"))
        .build();
  }

  /** The initiator side of CHAP: store the password in the node record; the value is a masked argument. */
  public static Plan initiatorChap(String user, char[] password) {
    return Plan.of(Step.builder("set CHAP credentials of " + TARGET)
        .change(HostCommand.of("iscsiadm", "-m", "node", "-T", TARGET, "-o", "update", "-n", "node.session.auth.authmethod", "-v", "CHAP"))
        .change(HostCommand.of("iscsiadm", "-m", "node", "-T", TARGET, "-o", "update", "-n", "node.session.auth.username", "-v", user))
        .change(HostCommand.builder().args("iscsiadm", "-m", "node", "-T", TARGET, "-o", "update", "-n", "node.session.auth.password", "-v")
            .secretArg(new String(password)).build())
        .build());
  }

  /**
   * Defines the filters, the CHAP secret (value {@code password}, wiped afterwards) and the guest on
   * {@code kvm}, then starts the guest; undoes this run's definitions if a step fails.
   */
  public static Domain apply(Kvm kvm, String guestName, char[] password, Recipe.Progress progress) {
    Deque<Runnable> undo = new ArrayDeque<>();
    int steps = FILTERS.size() + 2;
    int i = 0;
    try {
      for (NwFilterSpec f : FILTERS) {
        progress.step(++i, steps, "nwfilter " + f.name());
        if (kvm.nwfilters().find(f.name()).isEmpty()) {
          var defined = kvm.nwfilters().define(f);
          undo.push(defined::undefine);
        }
      }
      progress.step(++i, steps, "CHAP secret for " + TARGET + " (value not shown)");
      if (kvm.secrets().find(TARGET).isEmpty()) {
        Secret s = kvm.secrets().define(SecretSpec.iscsi(TARGET).description("CHAP of tenant1").build());
        undo.push(s::undefine);
        s.setValue(password);
      }
      progress.step(++i, steps, "guest " + guestName);
      Domain d = kvm.domains().define(guest(guestName));
      undo.push(d::undefine);
      d.start();
      undo.push(d::destroy);
      return d;
    } catch (KvmException e) {
      while (!undo.isEmpty()) {
        try {
          undo.pop().run();
        } catch (KvmException again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  public static void main(String[] args) {
    recipe().main(args, GuestSecurity::body);
  }

  static Recipe recipe() { return Recipe.named("GuestSecurity"); }

  static int body(Recipe r) {
    char[] password = new char[16];
    SecureRandom rnd = new SecureRandom();
    for (int i = 0; i < password.length; i++) password[i] = (char) ('a' + rnd.nextInt(26));
    FILTERS.forEach(f -> r.say("# nwfilter " + f.name() + "\n" + f.toXml()));
    r.say("# initiator plan (the password is masked)\n" + initiatorChap("tenant1", password));
    Domain d = apply(r.kvm("hv1"), "tenant1-web", password, r.progress());
    r.say("# " + d + " " + d.state() + "\n" + d.spec().toXml());
    return Recipe.DONE;
  }
}
