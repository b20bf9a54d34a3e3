package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules, erasure-code profiles and pools applied to a real ceph-mon (Pacific, no OSDs): the commands
 * are accepted, a second apply skips what exists, the pools carry what the spec says, and the rules
 * Ceph writes into its CRUSH map are exactly the ones this SDK models.
 */
class CephMonTest {
  static CephMon mon;
  static final String TAG = "s" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

  @BeforeAll static void mon() {
    mon = CephMon.require();
    mon.cephOk("config", "set", "mon", "mon_allow_pool_delete", "true");
  }

  @AfterAll static void cleanUp() {
    if (mon == null) return;
    for (String p : new String[] {TAG + "vms", TAG + "ec"}) mon.ceph("osd", "pool", "delete", p, p, "--yes-i-really-really-mean-it");
    for (String r : new String[] {TAG + "_host", TAG + "_ec", TAG + "ec"}) mon.ceph("osd", "crush", "rule", "rm", r);
    mon.ceph("osd", "erasure-code-profile", "rm", TAG + "p21");
    mon.ceph("auth", "rm", "client." + TAG + "kr");
  }

  static CrushMap clusterMap() throws Exception {
    Path bin = Files.createTempFile("s2crush", ".bin");
    try {
      mon.cephOk("osd", "getcrushmap", "-o", bin.toString());
      return CrushMap.parse(Crushtool.decompile(bin));
    } finally {
      Files.deleteIfExists(bin);
    }
  }

  @Test void theCephxKeyringIsOwnerOnlyAndTheKeyShowsNowhereElse() throws Exception {
    Path dir = Files.createTempDirectory("s2keyring");
    Path keyring = dir.resolve("ceph.client." + TAG + "kr.keyring");
    try {
      io.kvmsdk.core.host.Plan plan = CephPool.replicated(TAG + "vms", 3).cephxUserPlan(TAG + "kr", keyring.toString());
      PlanResult r = plan.apply(mon);
      assertThat(r.changed()).as(r.toString()).isTrue();
      assertThat(Files.getPosixFilePermissions(keyring)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      String key = Files.readString(keyring).lines().filter(l -> l.strip().startsWith("key = ")).findFirst().orElseThrow().strip().substring(6);
      assertThat(key).hasSizeGreaterThan(20);
      assertThat(plan.toString() + r + plan.toScript()).doesNotContain(key);
    } finally {
      Files.deleteIfExists(keyring);
      Files.deleteIfExists(dir);
    }
  }

  @Test void replicatedRuleIsTheOneCephMakesAndASecondApplySkipsIt() throws Exception {
    CrushRule rule = CrushRule.replicated(TAG + "_host", "default", "host");
    PlanResult first = rule.createPlan().apply(mon);
    assertThat(first.steps()).extracting(s -> s.status()).containsExactly(StepStatus.APPLIED);
    assertThat(rule.createPlan().apply(mon).steps()).extracting(s -> s.status()).containsExactly(StepStatus.SKIPPED_ALREADY_DONE);
    CrushRule inCeph = clusterMap().rule(TAG + "_host").orElseThrow();
    assertThat(inCeph).isEqualTo(rule.copy(b -> b.id(inCeph.id())));
  }

  @Test void erasureProfileRuleIsTheOneCephMakes() throws Exception {
    CephErasureProfile p = CephErasureProfile.of(TAG + "p21", 2, 1, "host");
    assertThat(io.kvmsdk.core.host.Plan.of(p.createStep()).apply(mon).changed()).isIn(true, false); // the pool test may have made it
    mon.cephOk("osd", "crush", "rule", "create-erasure", TAG + "_ec", p.name());
    CrushRule inCeph = clusterMap().rule(TAG + "_ec").orElseThrow();
    assertThat(inCeph).isEqualTo(p.crushRule(TAG + "_ec").copy(b -> b.id(inCeph.id())));
  }

  @Test void poolsAreCreatedAsSpecifiedAndIdempotently() throws Exception {
    CephPool vms = CephPool.replicated(TAG + "vms", 2).copy(b -> b.pgNum(16).autoscaleMode("warn"));
    CephPool ec = CephPool.erasure(TAG + "ec", CephErasureProfile.of(TAG + "p21", 2, 1, "host")).copy(b -> b.pgNum(8));
    vms.createPlan().apply(mon);
    ec.createPlan().apply(mon);
    String detail = mon.cephOk("osd", "pool", "ls", "detail");
    assertThat(detail).contains("'" + TAG + "vms' replicated size 2 min_size 1 crush_rule 0")
        .contains("pg_num 16 pgp_num 16 autoscale_mode warn").contains("application rbd");
    assertThat(detail).containsPattern("'" + TAG + "ec' erasure profile " + TAG + "p21 size 3 min_size 2 crush_rule \\d+ .*pg_num 8 pgp_num 8 autoscale_mode on .*flags [a-z_,]*ec_overwrites");
    PlanResult again = vms.createPlan().apply(mon);
    assertThat(again.steps().get(0).status()).isEqualTo(StepStatus.SKIPPED_ALREADY_DONE);
    PlanResult ecAgain = ec.createPlan().apply(mon);
    assertThat(ecAgain.steps().subList(0, 2)).extracting(s -> s.status()).containsOnly(StepStatus.SKIPPED_ALREADY_DONE);
    // Ceph made the pool's rule from the profile: the one CephErasureProfile.crushRule describes
    CrushRule made = clusterMap().rule(TAG + "ec").orElseThrow();
    assertThat(made).isEqualTo(ec.erasureProfile().get().crushRule(TAG + "ec").copy(b -> b.id(made.id())));
  }
}
