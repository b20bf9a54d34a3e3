package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.storage.testing.PrivateTgtd;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tgt-admin reads {@link IscsiTarget#targetsConf()} and would run the same tgtadm commands as the plan (its pretend mode, against an empty private tgtd). */
class TgtConfOracleTest {
  @Test void tgtAdminReadsTheFileAsThePlanMeansIt() throws Exception {
    Oracles.require(Proc.has("tgt-admin"), "tgt-admin is not installed");
    Path dir = Files.createTempDirectory("kvmsdk-tgtconf");
    try (PrivateTgtd tgtd = PrivateTgtd.start(300, 3264)) {
      Files.writeString(dir.resolve("lun1.img"), "x".repeat(4096));
      Files.writeString(dir.resolve("lun2.img"), "y".repeat(4096));
      IscsiTarget t = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:conf")
          .addLun(1, dir + "/lun1.img")
          .addLun(IscsiLun.file(2, dir + "/lun2.img").copy(l -> l.readOnly(true).directIo(true).serial("conf-2").queueDepth(64)))
          .chap("confuser", "conf-secret-12").mutualChap("confout", "conf-secret-34")
          .allowInitiator("iqn.2026-01.io.kvmsdk:hv1").maxConnections(2).build();
      Path conf = dir.resolve("t.conf");
      Files.writeString(conf, t.targetsConf());
      Proc.Result r = Proc.run(List.of("tgt-admin", "-C", String.valueOf(tgtd.controlPort), "-c", conf.toString(), "-e", "-p"), null, 60);
      assertThat(r.rc()).as(r.toString()).isZero();
      String c = "tgtadm -C " + tgtd.controlPort + " --lld iscsi ";
      assertThat(r.out())
          .contains(c + "--op new --mode target --tid 1 -T iqn.2026-01.io.kvmsdk:conf")
          .contains(c + "--op new --mode logicalunit --tid 1 --lun 1 -b \"" + dir + "/lun1.img\"  --bstype rdwr")
          .contains(c + "--op new --mode logicalunit --tid 1 --lun 2 -b \"" + dir + "/lun2.img\"  --bstype rdwr  --bsoflags direct")
          .contains("--lun=2 --params readonly=\"1\"").contains("--lun=2 --params scsi_sn=\"conf-2\"")
          .contains(c + "--mode target --op update --tid 1 --name MaxConnections --value 2")
          .contains("--mode account --op new --user=confuser --password=conf-secret-12")
          .contains("--mode account --op bind --tid=1 --user=confuser")
          .contains("--mode account --op bind --tid=1 --user=confout --outgoing")
          .contains(c + "--op bind --mode target --tid 1 -Q iqn.2026-01.io.kvmsdk:hv1")
          .contains(c + "--op bind --mode target --tid 1 -I 255.255.255.255")
          .doesNotContain("-I ALL");
      assertThat(t.toString()).doesNotContain("conf-secret-12", "conf-secret-34");
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
