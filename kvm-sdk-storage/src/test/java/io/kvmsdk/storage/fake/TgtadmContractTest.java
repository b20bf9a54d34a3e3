package io.kvmsdk.storage.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.storage.iscsi.Tgt;
import io.kvmsdk.storage.testing.PrivateTgtd;
import io.kvmsdk.testkit.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fake tgtadm against the real one: the same commands, on a private tgtd and on a fake host
 * with the same files, give the same exit code, stdout and stderr, one by one; the tgt plans leave
 * both daemons listing the same targets.
 */
class TgtadmContractTest {
  static PrivateTgtd tgtd;
  static Path dir;

  @BeforeAll static void start() throws Exception {
    tgtd = PrivateTgtd.start(100, 3262);
    dir = Files.createTempDirectory("kvmsdk-tgt-contract");
    Files.writeString(dir.resolve("a.img"), "x".repeat(1_500_000));
    Files.writeString(dir.resolve("b.img"), "hello");
    Files.createDirectories(dir.resolve("sub"));
  }

  @AfterAll static void stop() throws Exception {
    if (tgtd != null) tgtd.close();
    if (dir != null) {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  FakeHost fake() {
    return StorageFakes.host("contract").withState(Tgtadm.TGTD, s -> s.start(tgtd.controlPort, tgtd.portal))
        .withFile(dir + "/a.img", "x".repeat(1_500_000)).withFile(dir + "/b.img", "hello").withFile(dir + "/sub/keep", "");
  }

  /** tgtadm -C PORT ARGS... */
  HostCommand tgtadm(String... args) {
    List<String> a = new ArrayList<>(List.of("tgtadm", "-C", String.valueOf(tgtd.controlPort)));
    a.addAll(List.of(args));
    return HostCommand.of(a);
  }

  List<HostCommand> script() {
    String a = dir + "/a.img";
    String b = dir + "/b.img";
    String L = "--lld";
    return List.of(
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "1", "-T", "iqn.2026-01.io.kvmsdk:c1"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "1", "-T", "iqn.2026-01.io.kvmsdk:c1"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "2", "-T", "iqn.2026-01.io.kvmsdk:c1"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "300", "--targetname", "iqn.2026-01.io.kvmsdk:c300"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "0", "-T", "iqn.2026-01.io.kvmsdk:zero"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "-T", "iqn.2026-01.io.kvmsdk:none"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "5"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "target", "--tid", "abc", "-T", "x"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "5", "--backing-store", a),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "2", "-b", b, "--bstype", "aio"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "4", "-b", b, "--bsoflags", "direct"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "6", "-b", b, "--bsoflags", "bogus"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "2", "-b", b),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "0", "-b", b),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "3", "-b", dir + "/missing.img"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "3", "-b", dir + "/sub"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "3", "-b", b, "--bstype", "rbd"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "9", "--lun", "3", "-b", b),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "-b", b),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "1", "--lun", "7", "-b", b, "--params", "readonly=1"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "300", "--lun", "20", "-b", a),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "logicalunit", "--tid", "1", "--lun", "2", "--params", "readonly=1,scsi_sn=sn-2"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "logicalunit", "--tid", "1", "--lun", "2", "--params", "bogus=1"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "logicalunit", "--tid", "1", "--lun", "66", "--params", "readonly=1"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "logicalunit", "--tid", "1", "--lun", "2"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "target", "--tid", "1", "--name", "MaxConnections", "--value", "4"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "target", "--tid", "1", "--name", "MaxQueueCmd", "--value", "513"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "target", "--tid", "1", "--name", "MaxQueueCmd", "--value", "64"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "target", "--tid", "1", "--name", "Bogus", "--value", "1"),
        tgtadm(L, "iscsi", "--op", "update", "--mode", "target", "--tid", "1", "--name", "MaxQueueCmd"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target", "--tid", "1"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target", "--tid", "9"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "target", "--tid", "1", "-I", "ALL"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "target", "--tid", "1", "--initiator-name", "iqn.2026-01.io.kvmsdk:hv1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "target", "--tid", "1", "-Q", "iqn.2026-01.io.kvmsdk:hv1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "target", "--tid", "1"),
        tgtadm(L, "iscsi", "--op", "unbind", "--mode", "target", "--tid", "1", "-I", "ALL"),
        tgtadm(L, "iscsi", "--op", "unbind", "--mode", "target", "--tid", "1", "-I", "127.0.0.9"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "account", "--user", "u1", "--password", "secret-one-12"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "account", "--user", "u1", "--password", "secret-one-12"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "account", "--user", "u2", "--password", "secret-two-12"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "account", "--user", "u3"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "account"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "account", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "1", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "1", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "1", "--user", "u2", "--outgoing"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "1", "--user", "u1", "--outgoing"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "1", "--user", "nobody"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "9", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "bind", "--mode", "account", "--tid", "300", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target"),
        tgtadm(L, "iscsi", "--op", "unbind", "--mode", "account", "--tid", "1", "--user", "u2"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "account", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "account", "--user", "u1"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "portal"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "portal", "--param", "portal=127.0.0.3:3262"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "portal", "--param", "portal=127.0.0.3:3262"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "portal", "--param", "portal=127.0.0.3"),
        tgtadm(L, "iscsi", "--op", "new", "--mode", "portal"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "portal"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "portal", "--param", "portal=127.0.0.3:3262"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "portal", "--param", "portal=127.0.0.3:3262"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "logicalunit", "--tid", "1", "--lun", "0"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "logicalunit", "--tid", "1", "--lun", "5"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "logicalunit", "--tid", "1", "--lun", "5"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "target", "--tid", "1"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "target", "--tid", "1"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "target", "--tid", "300", "--force"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "account"),
        tgtadm(L, "iscsi", "--op", "delete", "--mode", "account", "--user", "u2"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "account"),
        tgtadm(L, "iscsi", "--op", "show", "--mode", "target"),
        tgtadm(L, "bogus", "--op", "show", "--mode", "target"),
        tgtadm("--op", "show", "--mode", "bogus"),
        tgtadm("--op", "bogus", "--mode", "target"),
        tgtadm("--op", "show"),
        tgtadm("--mode", "target"),
        tgtadm("--op", "show", "--mode", "target", "-x"),
        tgtadm("--op", "show", "--mode", "target", "extra"),
        HostCommand.of("tgtadm", "-C", "65000", "--op", "show", "--mode", "target"));
  }

  @Test void everyCommandAnswersAsTheRealTgtadm() {
    LocalCommandRunner real = LocalCommandRunner.create();
    FakeHost fake = fake();
    List<String> diffs = new ArrayList<>();
    for (HostCommand c : script()) {
      CommandResult r = real.run(c);
      CommandResult f = fake.run(c);
      String want = r.exitCode() + "\n" + r.stdout() + "\n" + r.stderr();
      String got = f.exitCode() + "\n" + f.stdout() + "\n" + f.stderr();
      if (!want.equals(got)) diffs.add(c + "\n--- real\n" + want + "\n--- fake\n" + got);
    }
    assertThat(diffs).as("commands whose fake answer differs from tgtadm's").isEmpty();
  }

  @Test void thePlansLeaveBothDaemonsTheSame() {
    LocalCommandRunner real = LocalCommandRunner.create();
    FakeHost fake = fake();
    Tgt tgt = Tgt.onControlPort(tgtd.controlPort);
    IscsiTarget t = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:plan").tid(4)
        .addLun(1, dir + "/a.img").addLun(IscsiLun.file(2, dir + "/b.img").copy(l -> l.readOnly(true).serial("plan-2").directIo(true)))
        .addPortal("127.0.0.4", 3262)
        .chap("planuser", "plan-secret-12").mutualChap("planout", "plan-secret-34")
        .allowInitiator("iqn.2026-01.io.kvmsdk:hv1").maxConnections(2).maxQueueCmd(64).build();
    Plan plan = t.tgtPlan(tgt);
    assertThat(plan.apply(real).changed()).isTrue();
    assertThat(plan.apply(fake).changed()).isTrue();
    assertSameListings(real, fake);
    assertThat(plan.apply(real).changed()).as("second run on the real tgtd").isFalse();
    assertThat(plan.apply(fake).changed()).as("second run on the fake").isFalse();
    Plan removal = t.tgtRemovalPlan(tgt);
    assertThat(removal.apply(real).changed()).isTrue();
    assertThat(removal.apply(fake).changed()).isTrue();
    assertSameListings(real, fake);
    assertThat(removal.apply(real).changed()).isFalse();
    assertThat(removal.apply(fake).changed()).isFalse();
    real.run(tgtadm("--lld", "iscsi", "--op", "delete", "--mode", "portal", "--param", "portal=127.0.0.4:3262"));
  }

  private void assertSameListings(LocalCommandRunner real, FakeHost fake) {
    for (String mode : List.of("target", "account", "portal")) {
      HostCommand show = tgtadm("--lld", "iscsi", "--op", "show", "--mode", mode);
      assertThat(fake.run(show).stdout()).as("--mode " + mode).isEqualTo(real.run(show).stdout());
    }
    HostCommand params = tgtadm("--lld", "iscsi", "--op", "show", "--mode", "target", "--tid", "4");
    CommandResult r = real.run(params);
    CommandResult f = fake.run(params);
    assertThat(f.exitCode()).isEqualTo(r.exitCode());
    assertThat(f.stdout()).isEqualTo(r.stdout());
  }
}
