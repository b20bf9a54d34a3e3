package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A LUN's backing file reaches tgtadm from targets.conf as the tgtadm plan names it, or the spec refuses
 * it: tgt-admin runs {@code tgtadm ... -b "PATH"} through {@code /bin/sh}, where '$' and '`' expand.
 */
class LunPathTgtAdminOracleTest {
  @Test
  void aPathTheShellWouldExpandIsRefused() {
    assertThatThrownBy(() -> IscsiLun.file(1, "/srv/iscsi/a$(reboot).img")).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("lun/store: must not contain '$' or '`'");
    assertThatThrownBy(() -> IscsiLun.block(1, "/dev/`id`")).isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("lun/store: ");
  }

  @Test
  void tgtAdminCarriesTheAcceptedPathsAndWouldExpandTheRefusedOnes() throws Exception {
    Oracles.require(Proc.has("tgt-admin") && Proc.has("sh"), "tgt-admin is not installed");
    Path dir = Files.createTempDirectory("kvmsdk-lunpath");
    try {
      for (String name : List.of("a<b>c.img", "a;b&c|d.img", "a(b)*c{d}[e]~f!g%h=i,j.img", "a$HOME.img", "a`id`.img")) {
        Path f = dir.resolve(name);
        Files.writeString(f, "x".repeat(512));   // tgt-admin skips a backing store that does not exist
        boolean accepted;
        String conf;
        try {
          conf = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:lunpath").addLun(1, f.toString()).allowAnyInitiator(true).build().targetsConf();
          accepted = true;
        } catch (InvalidSpecException e) {
          conf = IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:lunpath").addLun(1, dir + "/placeholder.img").allowAnyInitiator(true).build()
              .targetsConf().replace(dir + "/placeholder.img", f.toString());
          accepted = false;
        }
        Path file = dir.resolve("targets.conf");
        Files.writeString(file, conf);
        Proc.Result r = Proc.run(List.of("tgt-admin", "-C", "1", "-c", file.toString(), "-e", "-p"), null, 60);
        String line = r.out().lines().filter(l -> l.contains("--mode logicalunit")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        Proc.Result sh = Proc.run(List.of("sh", "-s"), "tgtadm() { while [ $# -gt 0 ]; do [ \"$1\" = -b ] && printf '%s' \"$2\"; shift; done; }\n" + line + "\n", 30);
        assertThat(sh.out().equals(f.toString())).as(name + " accepted by the spec: " + accepted + "; tgt-admin runs " + line + " -> " + sh).isEqualTo(accepted);
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
