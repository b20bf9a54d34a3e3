package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Every ```java block of this module's README compiles and runs (in JShell, in this JVM, against the fakes). */
class ReadmeSnippetsTest {
  @Test void everyJavaBlockRuns() throws Exception {
    Path readme = Path.of("README.md");
    Oracles.require(Files.exists(readme), "run from the module directory");
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
    List<String> blocks = new ArrayList<>();
    while (m.find()) blocks.add(m.group(1));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (String block : blocks) {
      try (JShell js = JShell.builder().executionEngine("local").build()) {
        for (String cp : System.getProperty("java.class.path").split(File.pathSeparator)) js.addToClasspath(cp);
        String rest = block;
        while (!rest.isBlank()) {
          SourceCodeAnalysis.CompletionInfo ci = js.sourceCodeAnalysis().analyzeCompletion(rest);
          String src = ci.source() == null ? rest : ci.source();
          for (SnippetEvent e : js.eval(src)) {
            if (e.status() == Snippet.Status.REJECTED) {
              throw new AssertionError("does not compile: " + src + "\n" + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
            }
            if (e.exception() != null) throw new AssertionError("fails: " + src, e.exception());
          }
          rest = ci.remaining();
        }
      }
    }
  }
}
