import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Lists the tests surefire reported as skipped, with their reasons, and the totals, from the
 * {@code target/surefire-reports/TEST-*.xml} files under the given project directory.
 * Run as a source file: {@code java .ci/SkippedTests.java <project-dir>}.
 */
public class SkippedTests {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    List<Path> reports = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root, 4)) {
      s.filter(p -> p.getParent() != null && p.getParent().endsWith("target/surefire-reports"))
          .filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml"))
          .sorted().forEach(reports::add);
    }
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    List<String> lines = new ArrayList<>();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Path r : reports) {
      Element suite = f.newDocumentBuilder().parse(r.toFile()).getDocumentElement();
      tests += count(suite, "tests");
      failures += count(suite, "failures");
      errors += count(suite, "errors");
      skipped += count(suite, "skipped");
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        NodeList sk = c.getElementsByTagName("skipped");
        if (sk.getLength() == 0) continue;
        String why = reason((Element) sk.item(0));
        lines.add(shortName(c.getAttribute("classname")) + "." + c.getAttribute("name") + ": " + (why.isEmpty() ? "(no reason given)" : why));
      }
    }
    lines.forEach(l -> System.out.println("  skipped " + l));
    System.out.printf("tests: %d, failures: %d, errors: %d, skipped: %d (%d report files)%n", tests, failures, errors, skipped, reports.size());
  }

  /** The skip's message: the attribute, else the first line of the reported stack trace, without its exception type. */
  static String reason(Element skipped) {
    String m = skipped.getAttribute("message");
    if (m.isEmpty()) m = skipped.getTextContent().strip().lines().findFirst().orElse("");
    String type = skipped.getAttribute("type");
    if (!type.isEmpty() && m.startsWith(type + ": ")) m = m.substring(type.length() + 2);
    return m.replaceFirst("^Assumption failed: ", "");
  }

  static int count(Element e, String attr) {
    String v = e.getAttribute(attr);
    return v.isEmpty() ? 0 : Integer.parseInt(v);
  }

  static String shortName(String cls) { return cls.replaceFirst("^io\\.kvmsdk\\.", ""); }
}
