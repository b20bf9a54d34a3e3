package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.storage.fake.Exportfs;
import io.kvmsdk.storage.fake.Lvm;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.tiering.Placement;
import io.kvmsdk.testkit.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieredPoolsTest {
  @Test void buildsBothTiersAndPlacesEachVolumeByItsProfile() {
    FakeHost nas = StorageFakes.host("nas").withFile("/srv/nfs/vms/.keep", "");
    FakeHost hv1 = StorageFakes.host("hv1");
    StorageFakes.withDisk(hv1, "/dev/nvme0n1", Size.gib(500));
    StorageFakes.withDisk(hv1, "/dev/nvme1n1", Size.gib(500));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (Kvm kvm = Kvm.connect("fake:///tiers-test")) {
      List<Placement> placed = TieredPools.run(new PrintStream(buf, true, StandardCharsets.UTF_8), nas, hv1, kvm);
      assertThat(placed).extracting(Placement::poolName).containsExactly("ssd", "ssd", "ssd", "hdd", "hdd", "hdd", "hdd");
      assertThat(placed.get(3).reasons()).anyMatch(r -> r.startsWith("spilled past fast has"));
      assertThat(placed.get(5).reasons().get(0)).contains("more than the 40 GiB a fast tier takes");
      assertThat(kvm.pools().get("ssd").volumes().find("db1-data")).isPresent();
      assertThat(kvm.pools().get("hdd").volumes().get("logs").spec().format()).contains("qcow2");
    }
    assertThat(nas.state(Exportfs.TABLE).published()).containsExactly("/srv/nfs/vms 192.0.2.0/24(rw,sync,no_subtree_check,no_root_squash)");
    assertThat(hv1.state(Lvm.STATE).groups()).containsExactly("ssdvg");
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("vgcreate ssdvg /dev/nvme0n1 /dev/nvme1n1", "exportfs -ra", "<protocol ver='4.1'/>",
        "<fs:option name='nconnect=4'/>");
  }

  @Test void theRecipeRunsOnFakeHostsWithoutArguments() {
    RecipeRun run = RecipeRun.of(TieredPools.recipe(), TieredPools::body);
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("db1-data -> fast (ssd, pool ssd)", "iso-library -> bulk (hdd, pool hdd)", "  hv1 [1/");
  }

  @Test void realHostsNeedBothUris() {
    RecipeRun bad = RecipeRun.of(TieredPools.recipe(), TieredPools::body, "--uri", "qemu:///system");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("needs 2 --uri (for hv1, nas), got 1");
  }
}
