package io.kvmsdk.ha.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.MigrateOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MigrationOptionsTest {
  @Test void theDefaultsMoveTheGuestForGood() {
    MigrationOptions o = MigrationOptions.defaults();
    assertThat(o.flags()).isEqualTo(MigrateOption.defaults());
    assertThat(o.params()).isEmpty();
  }

  @Test void everyOptionBecomesLibvirtsFlagOrTypedParameter() {
    MigrationOptions o = MigrationOptions.builder().peerToPeer(true).tunnelled(false).autoConverge(true).autoConvergeInitial(30)
        .autoConvergeIncrement(15).postCopy(true).bandwidth(100L).postCopyBandwidth(500L).maxDowntime(Duration.ofMillis(800))
        .addCompressions(Compression.XBZRLE, Compression.MT).compressionMtLevel(3).compressionMtThreads(4).compressionMtDthreads(2)
        .xbzrleCache(Size.mib(64)).parallelConnections(4).tls(true).tlsDestination("hv2.example.org")
        .destinationUri("qemu+tls://hv2.example.org/system").migrateUri("tcp://10.1.0.2").listenAddress("10.1.0.2")
        .copyStorageAll(true).addMigrateDisk("vda").abortOnError(true).unsafe(true).build();
    assertThat(o.flags()).containsExactlyInAnyOrder(MigrateOption.LIVE, MigrateOption.PEER2PEER, MigrateOption.PERSIST_DEST,
        MigrateOption.UNDEFINE_SOURCE, MigrateOption.NON_SHARED_DISK, MigrateOption.UNSAFE, MigrateOption.COMPRESSED, MigrateOption.ABORT_ON_ERROR,
        MigrateOption.AUTO_CONVERGE, MigrateOption.POSTCOPY, MigrateOption.TLS, MigrateOption.PARALLEL);
    assertThat(o.params()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("bandwidth", 100L), Map.entry("bandwidth.postcopy", 500L),
        Map.entry("migrate_uri", "tcp://10.1.0.2"), Map.entry("listen_address", "10.1.0.2"), Map.entry("migrate_disks", List.of("vda")),
        Map.entry("compression", List.of("xbzrle", "mt")), Map.entry("compression.mt.level", 3), Map.entry("compression.mt.threads", 4),
        Map.entry("compression.mt.dthreads", 2), Map.entry("compression.xbzrle.cache", 64L << 20), Map.entry("auto_converge.initial", 30),
        Map.entry("auto_converge.increment", 15), Map.entry("parallel.connections", 4), Map.entry("tls.destination", "hv2.example.org")));
    // the insertion order is libvirt's documentation order, not the builder's
    assertThat(o.params().keySet()).first().isEqualTo("bandwidth");
    assertThat(o.toString()).contains("POSTCOPY").contains("bandwidth=100");
    assertThat(o.copy(b -> b.live(false).postCopy(false).postCopyBandwidth(java.util.Optional.empty())).flags()).doesNotContain(MigrateOption.LIVE);
  }

  static void refused(String field, Consumer<MigrationOptions.Builder> setup) {
    MigrationOptions.Builder b = MigrationOptions.builder();
    setup.accept(b);
    assertThatThrownBy(b::build).isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("migration/" + field));
  }

  @Test void combinationsLibvirtRefusesAreRefusedWhenBuiltNamingTheOption() {
    refused("bandwidth", b -> b.bandwidth(0L));
    refused("bandwidth", b -> b.bandwidth(MigrationOptions.MAX_BANDWIDTH + 1));
    refused("postCopyBandwidth", b -> b.postCopyBandwidth(10L));
    refused("maxDowntime", b -> b.maxDowntime(Duration.ZERO));
    refused("tunnelled", b -> b.tunnelled(true));
    refused("postCopy", b -> b.postCopy(true).live(false));
    refused("postCopy", b -> b.postCopy(true).paused(true));
    refused("autoConvergeInitial", b -> b.autoConvergeInitial(20));
    refused("autoConvergeIncrement", b -> b.autoConvergeIncrement(20));
    refused("autoConvergeInitial", b -> b.autoConverge(true).autoConvergeInitial(100));
    refused("compressions", b -> b.addCompressions(Compression.MT, Compression.MT));
    refused("compressionMtLevel", b -> b.compressionMtLevel(3));
    refused("compressionMtLevel", b -> b.addCompression(Compression.MT).compressionMtLevel(10));
    refused("compressionMtThreads", b -> b.addCompression(Compression.MT).compressionMtThreads(0));
    refused("xbzrleCache", b -> b.xbzrleCache(Size.mib(64)));
    refused("parallelConnections", b -> b.parallelConnections(0));
    refused("parallelConnections", b -> b.peerToPeer(true).tunnelled(true).parallelConnections(2));
    refused("tls", b -> b.peerToPeer(true).tunnelled(true).tls(true));
    refused("tlsDestination", b -> b.tlsDestination("hv2"));
    refused("destinationUri", b -> b.destinationUri("qemu+ssh://hv2/system"));
    refused("copyStorageInc", b -> b.copyStorageAll(true).copyStorageInc(true));
    refused("migrateDisks", b -> b.addMigrateDisk("vda"));
  }
}
