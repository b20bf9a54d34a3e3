package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a Maven user gets: the BOM lists every published module, each module names its
 * {@code Automatic-Module-Name} and ships sources and javadoc jars, and the root README's "Use it from
 * your build" snippet is exactly what the consumer project ({@code src/it/consumer}, built by the
 * invoker against the installed SDK) declares.
 */
class ArtifactsTest {
  static final Path ROOT = ReadmeSnippetsTest.projectRoot();
  static final List<String> NOT_PUBLISHED = List.of("kvm-sdk-bom", "samples", "benchmarks");

  static Element pom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    if (e == null) return out;
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c && c.getTagName().equals(name)) out.add(c);
    return out;
  }

  static Element child(Element e, String name) { return children(e, name).stream().findFirst().orElse(null); }

  static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().trim();
  }

  /** The published modules, from the root pom's {@code <modules>}. */
  static List<String> publishedModules() throws Exception {
    List<String> out = new ArrayList<>();
    for (Element m : children(child(pom(ROOT.resolve("pom.xml")), "modules"), "module")) {
      if (!NOT_PUBLISHED.contains(m.getTextContent().trim())) out.add(m.getTextContent().trim());
    }
    return out;
  }

  @Test void theBomListsEveryPublishedModuleAtTheProjectsVersion() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    String version = text(root, "version");
    Map<String, String> bom = new LinkedHashMap<>();
    for (Element d : children(child(child(pom(ROOT.resolve("kvm-sdk-bom/pom.xml")), "dependencyManagement"), "dependencies"), "dependency")) {
      bom.put(text(d, "artifactId"), text(d, "version"));
    }
    assertThat(bom.keySet()).containsExactlyInAnyOrderElementsOf(publishedModules());
    assertThat(bom.values()).containsOnly(version);
    assertThat(text(pom(ROOT.resolve("kvm-sdk-bom/pom.xml")), "version")).isEqualTo(version);
  }

  @Test void everyModuleNamesItsJavaModuleAndDocumentsItsClasses() throws Exception {
    for (String module : publishedModules()) {
      Element p = pom(ROOT.resolve(module).resolve("pom.xml"));
      Element props = child(p, "properties");
      String expected = "io.kvmsdk." + module.substring("kvm-sdk-".length());
      assertThat(text(props, "automatic.module.name")).as(module + "'s Automatic-Module-Name").isEqualTo(expected);
      boolean hasClasses;
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        hasClasses = files.anyMatch(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"));
      }
      if (hasClasses) {
        assertThat(text(props, "maven.javadoc.skip")).as(module + " has classes now: remove <maven.javadoc.skip> from its pom").isNull();
      }
    }
  }

  @Test void eachBuiltJarCarriesItsModuleNameWithSourcesAndJavadocBesideIt() throws Exception {
    String version = text(pom(ROOT.resolve("pom.xml")), "version");
    Path coreJar = ROOT.resolve("kvm-sdk-core/target/kvm-sdk-core-" + version + ".jar");
    Assumptions.assumeTrue(Files.exists(coreJar), "the modules' jars are made at `package`: run `./mvnw verify`");
    for (String module : publishedModules()) {
      Path target = ROOT.resolve(module).resolve("target");
      try (JarFile jar = new JarFile(target.resolve(module + "-" + version + ".jar").toFile())) {
        assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(module)
            .isEqualTo("io.kvmsdk." + module.substring("kvm-sdk-".length()));
      }
      assertThat(target.resolve(module + "-" + version + "-sources.jar")).as(module + " sources").exists();
      boolean skipsJavadoc = text(child(pom(ROOT.resolve(module).resolve("pom.xml")), "properties"), "maven.javadoc.skip") != null;
      if (!skipsJavadoc) assertThat(target.resolve(module + "-" + version + "-javadoc.jar")).as(module + " javadoc").exists();
    }
  }

  static final Pattern XML_BLOCK = Pattern.compile("(?s)## Use it from your build.*?```xml\\n(.*?)```");
  static final Pattern GRADLE_BLOCK = Pattern.compile("(?s)## Use it from your build.*?```kotlin\\n(.*?)```");

  @Test void theReadmesMavenSnippetIsWhatTheConsumerProjectDeclares() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m = XML_BLOCK.matcher(readme);
    assertThat(m.find()).as("README.md has a \"Use it from your build\" section with a ```xml block").isTrue();
    Path snippet = Files.createTempFile("readme-snippet", ".xml");
    Files.writeString(snippet, "<project>" + m.group(1) + "</project>");
    Element fromReadme = pom(snippet);
    Files.delete(snippet);
    Element root = pom(ROOT.resolve("pom.xml"));
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("@project.version@", text(root, "version"));
    for (Node n = child(root, "properties").getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element prop) vars.put("@" + prop.getTagName() + "@", prop.getTextContent().trim());
    }
    Element consumer = pom(ROOT.resolve("samples/src/it/consumer/pom.xml"));
    assertThat(dependencies(consumer, vars)).as("the consumer project declares the README's snippet (and JUnit)")
        .containsAll(dependencies(fromReadme, vars));
    assertThat(dependencies(fromReadme, vars)).as("the README's snippet").hasSize(dependencies(consumer, vars).size() - 1);

    Matcher g = GRADLE_BLOCK.matcher(readme);
    assertThat(g.find()).as("the section's Gradle block").isTrue();
    for (String dep : dependencies(fromReadme, vars)) {
      String[] f = dep.split(":", -1);   // group:artifact:type:scope:version
      if (f[2].equals("pom")) {
        assertThat(g.group(1)).contains("platform(\"" + f[0] + ":" + f[1] + ":" + f[4] + "\")");
      } else {
        assertThat(g.group(1)).contains("\"" + f[0] + ":" + f[1] + (f[4].isEmpty() ? "" : ":" + f[4]) + "\"");
      }
    }
  }

  /** group:artifact:type:scope:version of each dependency (and managed one), versions resolved. */
  static TreeSet<String> dependencies(Element project, Map<String, String> vars) {
    TreeSet<String> out = new TreeSet<>();
    List<Element> deps = new ArrayList<>(children(child(project, "dependencies"), "dependency"));
    deps.addAll(children(child(child(project, "dependencyManagement"), "dependencies"), "dependency"));
    for (Element d : deps) {
      String version = text(d, "version") == null ? "" : text(d, "version");
      for (Map.Entry<String, String> v : vars.entrySet()) version = version.replace(v.getKey(), v.getValue());
      out.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + (text(d, "type") == null ? "jar" : text(d, "type")) + ":"
          + (text(d, "scope") == null ? "compile" : text(d, "scope")) + ":" + version);
    }
    return out;
  }
}
