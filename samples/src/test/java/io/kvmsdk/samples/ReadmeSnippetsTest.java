package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kvmsdk.core.Kvm;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every {@code ```java} block of every README.md in the project is compiled (in-process, against
 * the test class path, which holds every module) and run. New READMEs are found by themselves.
 *
 * <p>The convention for a snippet:
 * <ul>
 *   <li><b>Statements</b> (no type declaration) run as the body of a method. A snippet reaches a
 *       hypervisor only with {@code Kvm.connect("test:///default")}: it runs once with that literal
 *       replaced by {@code fake:///readme-N} (the testkit's fake) and, when libvirt is usable here,
 *       once as written on libvirt's test driver. Any other URI in a snippet fails this test (a
 *       README must never make a reader's first run touch a real host).</li>
 *   <li><b>A class</b> (a test a user would write, such as {@code @EnableFakeKvm class MyTest}) is
 *       compiled and its tests run with the JUnit launcher: every test must pass, at least one must run.</li>
 *   <li>Imports of the SDK's public packages, {@code java.util}, {@code java.time}, JUnit's API and
 *       AssertJ's assertions may be left out (as in {@code kvm.jsh}); a snippet may write its own.</li>
 * </ul>
 */
class ReadmeSnippetsTest {
  static final Pattern BLOCK = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
  static final Pattern TYPE = Pattern.compile("(?m)^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|abstract\\s+|final\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
  static final Pattern CONNECT = Pattern.compile("Kvm\\.connect\\(\\s*\"([^\"]*)\"\\s*\\)");
  /** A libvirt connection URI in a string literal (other URIs, such as an OVSDB socket {@code unix:/run/...}, are fine). */
  static final Pattern URI_LITERAL = Pattern.compile("\"((?:qemu|test|lxc|xen|libxl|vbox|vmware|ch|bhyve|esx|vpx|gsx|hyperv|vz|openvz|fake)(?:\\+[a-z0-9]+)?:/{1,3}[^\"]*)\"");
  static final String TEST_URI = "test:///default";

  /** Packages imported for every snippet, when they exist (modules still empty have none). */
  static final List<String> IMPORTS = List.of("io.kvmsdk.core", "io.kvmsdk.core.domain", "io.kvmsdk.core.common",
      "io.kvmsdk.core.capabilities", "io.kvmsdk.core.host", "io.kvmsdk.core.secret", "io.kvmsdk.core.node", "io.kvmsdk.core.network",
      "io.kvmsdk.core.storage", "io.kvmsdk.core.nwfilter", "io.kvmsdk.testkit", "io.kvmsdk.testkit.contract", "io.kvmsdk.network",
      "io.kvmsdk.storage", "io.kvmsdk.ha", "io.kvmsdk.samples", "java.util", "java.time", "org.junit.jupiter.api");

  record Snippet(Path readme, int line, String code) {
    String where() { return readme + ", line " + line; }
  }

  /** The project's root: the nearest directory up from here holding mvnw and a pom.xml. */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml")))) dir = dir.getParent();
    assertThat(dir).as("the project root (mvnw and pom.xml) above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  static List<Path> readmes(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("README.md"))
          .filter(p -> !hidden(root.relativize(p)))
          .sorted().collect(Collectors.toList());
    }
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      String n = part.toString();
      if (n.startsWith(".") || n.equals("target") || n.equals("node_modules")) return true;
    }
    return false;
  }

  static List<Snippet> snippets(Path readme) throws IOException {
    String text = Files.readString(readme);
    List<Snippet> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      out.add(new Snippet(readme, line, m.group(1)));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetOfEveryReadmeCompilesAndRuns() throws IOException {
    Path root = projectRoot();
    List<Snippet> all = new ArrayList<>();
    for (Path r : readmes(root)) all.addAll(snippets(r));
    assertThat(all).as("java snippets in the READMEs under " + root).isNotEmpty();
    assertThat(all).extracting(s -> root.relativize(s.readme()).toString()).contains("README.md");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Snippet s = all.get(i);
      String fake = "fake:///readme-" + (i + 1);
      tests.add(DynamicTest.dynamicTest(root.relativize(s.readme()) + ":" + s.line(), () -> check(s, fake)));
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void theCheckerRefusesWhatTheFirstReadmeGotWrong() {
    Path readme = projectRoot().resolve("README.md");
    String outOfScope = "try (Kvm kvm = Kvm.connect(\"test:///default\")) {\n  DomainSpec web = DomainSpec.builder().type(\"kvm\").name(\"w\")"
        + ".osType(\"hvm\").memory(Size.mib(64)).build();\n}\nDomainSpec back = DomainSpec.fromXml(web.toXml());\n";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> check(new Snippet(readme, 1, outOfScope), "fake:///readme-t1")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("does not compile").hasMessageContaining("web");
    String noOsType = "try (Kvm kvm = Kvm.connect(\"test:///default\")) {\n  kvm.domains().define(DomainSpec.builder().type(\"kvm\")"
        + ".name(\"w\").memory(Size.mib(64)).build());\n}\n";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> check(new Snippet(readme, 1, noOsType), "fake:///readme-t2")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("failed when run").hasRootCauseInstanceOf(io.kvmsdk.core.InvalidSpecException.class);
    String realHost = "try (Kvm kvm = Kvm.connect(\"qemu:///system\")) { }\n";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> check(new Snippet(readme, 1, realHost), "fake:///readme-t3")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("snippets connect to \"test:///default\" only");
    String failingTest = "class T {\n  @Test void fails() { assertThat(1).isEqualTo(2); }\n}\n";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> check(new Snippet(readme, 1, failingTest), "fake:///readme-t4")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("fails()");
  }

  static void check(Snippet s, String fakeUri) throws Exception {
    Matcher t = TYPE.matcher(s.code());
    if (t.find()) {
      runTests(s, t.group(1));
      return;
    }
    for (Matcher u = URI_LITERAL.matcher(s.code()); u.find();) {
      assertThat(u.group(1)).as(s.where() + ": snippets connect to \"" + TEST_URI + "\" only (the test runs them on fake:/// and on"
          + " libvirt's test driver); name other hosts in prose").isEqualTo(TEST_URI);
    }
    String onFake = s.code().replace("\"" + TEST_URI + "\"", "\"" + fakeUri + "\"");
    runStatements(s, onFake);
    boolean connects = CONNECT.matcher(s.code()).find();
    if (connects && libvirtUsable()) runStatements(s, s.code());
  }

  static boolean libvirtUsable() {
    try (Kvm kvm = Kvm.connect(TEST_URI)) {
      return kvm.isAlive();
    } catch (RuntimeException e) {
      System.err.println("SKIPPED (README snippets on libvirt's test driver): " + e.getMessage());
      return false;
    }
  }

  /** Splits a snippet into its leading import lines and the rest. */
  static String[] importsAndBody(String code) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    boolean head = true;
    for (String line : code.split("\n", -1)) {
      String l = line.strip();
      if (head && (l.startsWith("import ") || l.isEmpty())) {
        imports.append(line).append('\n');
      } else {
        head = false;
        body.append(line).append('\n');
      }
    }
    return new String[] {imports.toString(), body.toString()};
  }

  static String defaultImports() {
    StringBuilder sb = new StringBuilder();
    ClassLoader l = ReadmeSnippetsTest.class.getClassLoader();
    for (String p : IMPORTS) {
      if (p.startsWith("java.") || hasClasses(l, p)) sb.append("import ").append(p).append(".*;\n");
    }
    return sb.append("import static org.assertj.core.api.Assertions.*;\n").toString();
  }

  /** Whether package {@code p} has a class besides its package-info (javac refuses an import of a package without one). */
  static boolean hasClasses(ClassLoader l, String p) {
    String dir = p.replace('.', '/') + "/";
    try {
      for (java.util.Enumeration<java.net.URL> e = l.getResources(dir); e.hasMoreElements();) {
        java.net.URL u = e.nextElement();
        if (u.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(u.toURI()))) {
            if (files.map(f -> f.getFileName().toString()).anyMatch(n -> n.endsWith(".class") && !n.equals("package-info.class"))) return true;
          }
        } else if (u.openConnection() instanceof java.net.JarURLConnection jar) {
          jar.setUseCaches(false);
          try (java.util.jar.JarFile f = jar.getJarFile()) {
            if (f.stream().map(java.util.jar.JarEntry::getName).anyMatch(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0
                && n.endsWith(".class") && !n.endsWith("/package-info.class"))) return true;
          }
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new java.io.UncheckedIOException(new IOException("reading package " + p + ": " + e.getMessage(), e));
    }
    return false;
  }

  static void runStatements(Snippet s, String code) throws Exception {
    String[] parts = importsAndBody(code);
    String source = parts[0] + defaultImports() + "class ReadmeSnippet {\n  static void run() throws Exception {\n" + parts[1] + "\n  }\n}\n";
    Class<?> c = compile(s, "ReadmeSnippet", source);
    Method run = c.getDeclaredMethod("run");
    run.setAccessible(true);
    try {
      run.invoke(null);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new AssertionError(s.where() + " failed when run:\n" + code, e.getCause());
    }
  }

  static void runTests(Snippet s, String className) throws Exception {
    String[] parts = importsAndBody(s.code());
    Class<?> c = compile(s, className, parts[0] + defaultImports() + parts[1]);
    List<String> failures = new ArrayList<>();
    int[] passed = {0};
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).build(), new TestExecutionListener() {
      @Override public void executionFinished(TestIdentifier id, TestExecutionResult r) {
        if (!id.isTest() && r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) return;
        if (r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) passed[0]++;
        else if (r.getStatus() == TestExecutionResult.Status.ABORTED) return;   // a skip the snippet's test asked for (e.g. a capability its target lacks)
        else failures.add(id.getDisplayName() + ": " + r.getStatus() + r.getThrowable().map(t -> " " + t).orElse(""));
      }
    });
    assertThat(failures).as(s.where() + ": the snippet's tests").isEmpty();
    assertThat(passed[0]).as(s.where() + ": tests of " + className + " that ran and passed").isPositive();
  }

  /** Compiles {@code source} in memory against the test class path; the class {@code name}, loaded. */
  static Class<?> compile(Snippet s, String name, String source) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler (javax.tools)").isNotNull();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager std = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(std) {
      @Override public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override public OutputStream openOutputStream() { return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream()); }
        };
      }
    };
    JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
    };
    StringWriter diagnostics = new StringWriter();
    List<String> options = List.of("--release", "17", "-proc:none", "-classpath", testClassPath());
    boolean ok = javac.getTask(new PrintWriter(diagnostics), files, null, options, null, List.of(unit)).call();
    assertThat(ok).as(s.where() + " does not compile:\n" + diagnostics + "\n" + numbered(source)).isTrue();
    ClassLoader loader = new ClassLoader(ReadmeSnippetsTest.class.getClassLoader()) {
      @Override protected Class<?> findClass(String n) throws ClassNotFoundException {
        ByteArrayOutputStream b = classes.get(n);
        if (b == null) throw new ClassNotFoundException(n);
        byte[] bytes = b.toByteArray();
        return defineClass(n, bytes, 0, bytes.length);
      }
    };
    return loader.loadClass(name);
  }

  static String numbered(String source) {
    String[] lines = source.split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) sb.append(String.format("%3d  %s%n", i + 1, lines[i]));
    return sb.toString();
  }

  /** Surefire's test class path (its booter jar hides it from java.class.path), else java.class.path. */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
    return Stream.of(cp.split(File.pathSeparator)).filter(p -> !p.isBlank()).collect(Collectors.joining(File.pathSeparator));
  }
}
