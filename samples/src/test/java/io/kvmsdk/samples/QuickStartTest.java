package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's quick-start, on the testkit's fake: it says what it does, and leaves nothing behind. */
class QuickStartTest {
  @Test void itRendersASpecThenRunsASmallGuestThroughItsLifecycle() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      QuickStart.main(new String[] {"fake:///quickstart-test"});
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("a spec, rendered (not defined anywhere):\n<domain type='kvm'>")
        .contains("round trip equal: true")
        .contains("connected to fake:///quickstart-test; a small guest this hypervisor can run: qemu, 64 MiB, no disk")
        .containsPattern("domains   \\[[^\\]]*quickstart-[0-9a-f]{8}[^\\]]*\\]")
        .containsPattern("stats     DomainStats\\[quickstart-[0-9a-f]{8} RUNNING cpu=\\d+ns balloon=65536KiB")
        .doesNotContain("not reported by this driver")
        .containsPattern("undefined quickstart-[0-9a-f]{8}; still there: false");
  }
}
