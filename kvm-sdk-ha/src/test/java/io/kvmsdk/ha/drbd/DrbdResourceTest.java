package io.kvmsdk.ha.drbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.Disk;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DrbdResourceTest {
  static DrbdResource.Builder r0() {
    return DrbdResource.builder().name("r0").allowTwoPrimaries(true)
        .addVolume(DrbdVolume.of(0, "/dev/vg0/vm1"))
        .addHost("node1", 0, "198.18.0.1").addHost("node2", 1, "198.18.0.2");
  }

  /** Three nodes, two volumes, a diskless node, options and a secret: what the oracle tests render. */
  static DrbdResource full() {
    return DrbdResource.builder().name("vmdata").protocol("C").allowTwoPrimaries(true).verifyAlg("sha256").cramHmacAlg("sha256")
        .sharedSecret("s3cr et$x").port(7790).putNetOption("max-buffers", "8000").putDiskOption("resync-rate", "100M")
        .putDiskOption("on-io-error", "detach").putDiskOption("al-extents", "3389")
        .addVolume(DrbdVolume.of(10, "/dev/vg0/a"))
        .addVolume(DrbdVolume.builder().number(1).minor(11).disk("/dev/vg 0/b").build())
        .addHost("node1", 0, "198.18.0.1")
        .addHost(DrbdHost.builder().name("node2").nodeId(1).address("198.18.0.2").putDisk(1, "none").build())
        .addHost(DrbdHost.builder().name("node3").nodeId(2).address("198.18.0.3").port(7791).putDisk(0, "/dev/vg1/a").build())
        .build();
  }

  static List<DrbdResource> all() {
    return List.of(r0().build(), full(), r0().allowTwoPrimaries(false).protocol("A").build(),
        DrbdResource.builder().name("v6").addVolume(DrbdVolume.of(20, "/dev/vg0/c"))
            .addHost("node1", 0, "fd00::1").addHost("node2", 1, "fd00::2").build());
  }

  @Test void rendersAResFile() {
    assertThat(r0().build().resFile()).isEqualTo("""
        resource r0 {
          net {
            protocol C;
            allow-two-primaries yes;
          }
          volume 0 {
            device minor 0;
            disk /dev/vg0/vm1;
            meta-disk internal;
          }
          on node1 {
            node-id 0;
            address ipv4 198.18.0.1:7789;
          }
          on node2 {
            node-id 1;
            address ipv4 198.18.0.2:7789;
          }
          connection-mesh {
            hosts node1 node2;
          }
        }
        """);
  }

  @Test void everyRenderedFileParsesBackIntoTheSameResource() {
    for (DrbdResource r : all()) {
      DrbdResource back = DrbdResource.parse(r.resFile());
      assertThat(back).isEqualTo(r);
      assertThat(back.resFile()).isEqualTo(r.resFile());
    }
    DrbdResource kept = DrbdResource.parse(r0().build().resFile().replace("  connection-mesh {", "  handlers {\n    split-brain \"/usr/lib/drbd/notify-split-brain.sh root\";\n  }\n  connection-mesh {"));
    assertThat(kept.unmodeled()).extracting(DrbdStatement::keyword).containsExactly("handlers");
    assertThat(DrbdResource.parse(kept.resFile())).isEqualTo(kept);
  }

  @Test void theSharedSecretIsNeverPrinted() {
    DrbdResource r = full();
    assertThat(r.resFile()).contains("shared-secret \"s3cr et$x\";");
    assertThat(r.toString()).doesNotContain("s3cr").contains("shared-secret \"****\"");
    assertThat(r.plan("node1").toString()).doesNotContain("s3cr");
    assertThat(r.plan("node1").toScript()).doesNotContain("s3cr");
    assertThatThrownBy(() -> r.copy(b -> b.sharedSecret("bad\"secret")))
        .isInstanceOf(InvalidSpecException.class).hasMessageNotContaining("bad\"secret");
  }

  private static void refused(Consumer<DrbdResource.Builder> change, String field, String rule) {
    assertThatThrownBy(() -> {
      DrbdResource.Builder b = r0();
      change.accept(b);
      b.build();
    }).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
    });
  }

  @Test void badInputIsRefusedAtBuildTimeWithTheField() {
    refused(b -> b.protocol("A"), "resource r0/net/allow-two-primaries", "needs protocol C");
    refused(b -> b.volumes(List.of(DrbdVolume.builder().minor(0).build())), "resource r0/on node1/volume 0/disk", "no disk for volume 0");
    refused(b -> b.addHost("node1", 2, "198.18.0.3"), "resource r0/on node1", "two nodes are named");
    refused(b -> b.addHost("node3", 1, "198.18.0.3"), "resource r0/on node3/node-id", "used twice");
    refused(b -> b.addHost("node3", 2, "198.18.0.2"), "resource r0/on node3/address", "address and port already");
    refused(b -> b.addVolume(DrbdVolume.builder().number(1).minor(0).disk("/dev/x").build()), "resource r0/volume 1/device", "minor 0 is used twice");
    refused(b -> b.sharedSecret("pw"), "resource r0/net/cram-hmac-alg", "required with a shared secret");
    refused(b -> b.putNetOption("protocol", "B"), "resource r0/net/protocol", "its own field");
    refused(b -> b.hosts(List.of(DrbdHost.builder().name("node1").nodeId(0).address("198.18.0.1").build())), "resource r0/on", "at least two nodes");
  }

  /** What drbdadm dump refuses (DrbdOracleTest shows it does) is refused at build time, naming the field. */
  @Test void whatDrbdadmRefusesIsRefusedAtBuildTime() {
    refused(b -> b.name("r:0"), "resource", "no ':'");
    refused(b -> b.cramHmacAlg("sha256").sharedSecret("x".repeat(64)), "resource r0/net/shared-secret", "1-63 bytes");
    refused(b -> b.cramHmacAlg("sha256").sharedSecret("é".repeat(32)), "resource r0/net/shared-secret", "1-63 bytes");
    refused(b -> b.putNetOption("bogus-opt", "1"), "resource r0/net/bogus-opt", "no option of DRBD's net section");
    refused(b -> b.putDiskOption("on-io-error", "}detach{"), "resource r0/disk/on-io-error", "must be one of pass_on, call-local-io-error, detach");
    refused(b -> b.putDiskOption("resync-rate", "fast"), "resource r0/disk/resync-rate", "must be a number");
    refused(b -> b.putNetOption("csums-alg", "a}b"), "resource r0/net/csums-alg", "braces");
    refused(b -> b.addUnmodeled(DrbdStatement.builder().keyword("net").section(true).addBlock(DrbdStatement.builder().keyword("max-buffers").addArgs("9000").build()).build()),
        "resource r0/net", "conflicting use of net section");
    assertThat(r0().cramHmacAlg("sha256").sharedSecret("x".repeat(63)).putNetOption("rr-conflict", "retry-connect").build().netOptions()).containsKey("rr-conflict");
  }

  @Test void aGuestUsesTheDeviceAndPacemakerPromotesIt() {
    DrbdResource r = r0().build();
    Disk d = r.libvirtDisk(0);
    assertThat(d.type()).contains("block");
    assertThat(d.source().flatMap(s -> s.dev())).contains("/dev/drbd0");
    assertThat(d.driver().flatMap(x -> x.cache())).contains("none");
    var clone = r.pacemakerClone();
    assertThat(clone.promotable()).isTrue();
    assertThat(clone.primitive().orElseThrow().param("drbd_resource")).contains("r0");
    assertThat(clone.metaAttributes().get(0).value("promoted-max")).contains("2");
  }
}
