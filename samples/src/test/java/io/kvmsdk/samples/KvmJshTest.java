package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/kvm.jsh} through the JShell API, as {@code jshell --class-path ... samples/kvm.jsh}
 * runs it (the test's class path holds every module): every snippet must be accepted and run
 * without an exception, and the console must then be usable.
 */
class KvmJshTest {
  private JShell shell;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach void open() {
    // in this JVM: fast, and the fakes see the same class path
    shell = JShell.builder().executionEngine("local").out(new PrintStream(printed, true, StandardCharsets.UTF_8)).build();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) shell.addToClasspath(entry);
  }

  @AfterEach void close() { shell.close(); }

  /** Evaluates {@code source} snippet by snippet; fails naming the first snippet JShell rejects or that throws. */
  private List<String> eval(String source) {
    List<String> values = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = source;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      String snippet = info.source() == null ? rest : info.source();
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
      for (SnippetEvent e : shell.eval(snippet)) {
        if (e.causeSnippet() != null) continue;
        assertThat(e.status()).as("snippet `%s` %s", snippet.strip(), diagText(e.snippet())).isIn(Snippet.Status.VALID, Snippet.Status.OVERWRITTEN);
        assertThat(e.exception()).as("snippet `%s` threw", snippet.strip()).isNull();
        values.add(e.value());
      }
      rest = info.remaining();
    }
    return values;
  }

  private String diagText(Snippet s) {
    StringBuilder sb = new StringBuilder();
    shell.diagnostics(s).forEach(d -> sb.append(d.getMessage(null)).append("; "));
    return sb.toString();
  }

  @Test void kvmJshLoadsAndItsHelpersWork() throws Exception {
    Path jsh = ReadmeSnippetsTest.projectRoot().resolve("samples/kvm.jsh");

    eval(Files.readString(jsh));

    assertThat(eval("kvm.uri()")).containsExactly("\"fake:///default\"");
    assertThat(eval("kvm.domains().define(guest(\"web1\", 256)).start().state()")).containsExactly("RUNNING");
    assertThat(eval("dryRun(VipFailover.GROUP.plan(\"hv1\"))").get(0)).contains("keepalived -t -f");
    assertThat(eval("GuestTuning.place(GuestTuning.sampleHost(), 2, Size.gib(1)).cell()")).containsExactly("0");
    assertThat(eval("fake(\"hv2\").uri()")).containsExactly("\"fake:///hv2\"");
    assertThat(eval("BridgeSpec.linux(\"br0\").addPort(\"eth1\").mtu(9000).build().plan().size() > 0")).containsExactly("true");
    // the storage and network subpackages are imported: their simple names resolve
    assertThat(eval("BgpEcmp.check(BgpEcmp.config(\"hv1\")).isEmpty()")).containsExactly("true");
    assertThat(eval("VolumeGroup.builder().name(\"vg0\").addDevices(\"/dev/sdb\").build().name()")).containsExactly("\"vg0\"");
    assertThat(eval("CrushRule.replicated(\"r\", \"default\", \"rack\") != null")).containsExactly("true");
    assertThat(eval("SysctlProfile.hypervisor().path()").get(0)).startsWith("\"/etc/sysctl.d/");
    // metrics, migration and alerts are imported too
    assertThat(eval("MigrationPolicy.none().downtimeSteps().isEmpty()")).containsExactly("true");
    assertThat(eval("KvmAlerts.defaults().rules().size() > 0 && HaAlerts.vipOwnerChanged(Duration.ofMinutes(1)) != null")).containsExactly("true");
    assertThat(eval("KvmMetrics.of(kvm).host()")).containsExactly("\"default\"");
    assertThat(eval("DrbdLiveMigration.POLICY.deadline().isPresent() && Monitoring.rules().rules().size() == 6")).containsExactly("true");
  }
}
