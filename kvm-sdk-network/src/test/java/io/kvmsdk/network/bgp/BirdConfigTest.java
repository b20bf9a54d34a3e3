package io.kvmsdk.network.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

class BirdConfigTest {
  static BirdConfig hypervisor() {
    return BirdConfig.builder().routerId("198.18.1.1").localAs(65001)
        .addNeighbor(BgpNeighbor.builder().name("tor1").address("198.18.1.2").remoteAs(65101).password("s3cret!").build())
        .addNeighbor(BgpNeighbor.of("tor2", "198.18.2.2", 65102))
        .addAnnounce("198.51.100.10/32").addAccept("203.0.113.0/24").bfd(true).maxPaths(4).build();
  }

  @Test void rendersBirdConf() {
    assertThat(hypervisor().birdConf()).isEqualTo(String.join("\n",
        "# bird.conf rendered by kvm-sdk: AS 65001, 2 neighbours",
        "router id 198.18.1.1;",
        "",
        "protocol device 'kvmsdk-device' {",
        "}",
        "",
        "protocol kernel 'kvmsdk-kernel' {",
        "\tipv4 {",
        "\t\timport none;",
        "\t\texport where source = RTS_BGP;",
        "\t};",
        "\tmerge paths yes limit 4;",
        "}",
        "",
        "protocol static 'kvmsdk-announce' {",
        "\tipv4;",
        "\troute 198.51.100.10/32 blackhole;",
        "}",
        "",
        "protocol bfd 'kvmsdk-bfd' {",
        "\tinterface \"*\" {",
        "\t\tmin rx interval 100 ms;",
        "\t\tmin tx interval 100 ms;",
        "\t\tmultiplier 3;",
        "\t};",
        "}",
        "",
        "filter 'kvmsdk-export' {",
        "\tif net ~ [ 198.51.100.10/32 ] then accept;",
        "\treject;",
        "}",
        "",
        "filter 'kvmsdk-import' {",
        "\tif net ~ [ 203.0.113.0/24+ ] then accept;",
        "\treject;",
        "}",
        "",
        "template bgp 'kvmsdk-peer' {",
        "\tlocal as 65001;",
        "\tconnect retry time 5;",
        "\tconnect delay time 5;",
        "\tipv4 {",
        "\t\timport filter 'kvmsdk-import';",
        "\t\texport filter 'kvmsdk-export';",
        "\t};",
        "}",
        "",
        "protocol bgp 'peer-tor1' from 'kvmsdk-peer' {",
        "\tneighbor 198.18.1.2 as 65101;",
        "\tbfd on;",
        "\tpassword \"s3cret!\";",
        "}",
        "",
        "protocol bgp 'peer-tor2' from 'kvmsdk-peer' {",
        "\tneighbor 198.18.2.2 as 65102;",
        "\tbfd on;",
        "}",
        ""));
  }

  @Test void toStringMasksPasswords() {
    assertThat(hypervisor().toString()).contains("password \"****\";").doesNotContain("s3cret");
    assertThat(hypervisor().neighbors().get(0).toString()).doesNotContain("s3cret");
  }

  @Test void badInputIsRefusedNamingTheField() {
    BirdConfig ok = hypervisor();
    assertThatThrownBy(() -> ok.copy(b -> b.routerId("198.18.1"))).isInstanceOf(InvalidSpecException.class).hasMessageContaining("routerId");
    assertThatThrownBy(() -> ok.copy(b -> b.localAs(0))).hasMessageContaining("localAs");
    assertThatThrownBy(() -> ok.copy(b -> b.localAs(4294967296L))).hasMessageContaining("localAs");
    assertThatThrownBy(() -> ok.copy(b -> b.addNeighbor(BgpNeighbor.of("tor1", "198.18.3.2", 1)))).hasMessageContaining("neighbor[3]/name");
    assertThatThrownBy(() -> ok.copy(b -> b.addNeighbor(BgpNeighbor.of("tor3", "198.18.2.2", 1)))).hasMessageContaining("neighbor[3]/address");
    assertThatThrownBy(() -> ok.copy(b -> b.addNeighbor(BgpNeighbor.of("tor 3", "198.18.3.2", 1)))).hasMessageContaining("neighbor[3]/name");
    assertThatThrownBy(() -> ok.copy(b -> b.addNeighbor(BgpNeighbor.of("tor3", "198.18.3.2", 0)))).hasMessageContaining("neighbor[3]/remoteAs");
    assertThatThrownBy(() -> ok.copy(b -> b.addNeighbor(BgpNeighbor.builder().name("tor3").address("198.18.3.2").remoteAs(1)
        .password("a\"; }").build()))).hasMessageContaining("neighbor[3]/password").hasMessageNotContaining("a\"; }");
    assertThatThrownBy(() -> ok.copy(b -> b.addAnnounce("198.51.100.10/24"))).hasMessageContaining("announce[2]");
    assertThatThrownBy(() -> ok.copy(b -> b.maxPaths(0))).hasMessageContaining("maxPaths");
    assertThatThrownBy(() -> ok.copy(b -> b.neighbors(java.util.List.of()))).hasMessageContaining("neighbor");
    assertThatThrownBy(() -> BgpNeighbor.builder().name("x").build()).hasMessageContaining("neighbor/address");
  }
}
