package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.XmlSame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Every XML example of libvirt's formatdomain.rst (and drvqemu.rst) that shows guest-level
 * elements (os, cpu, features, clock, tuning, sysinfo, security, qemu namespace) parses, round
 * trips, and is fully typed: the documentation is covered, not only the test corpus.
 */
class GuestDocExamplesTest {
  static final String QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0";
  static final Set<String> GUEST = Set.of("os", "features", "cpu", "clock", "memoryBacking", "memtune",
      "blkiotune", "cputune", "numatune", "vcpu", "vcpus", "iothreadids", "defaultiothread", "resource",
      "sysinfo", "idmap", "pm", "perf", "seclabel", "keywrap", "launchSecurity", "maxMemory",
      "qemu:commandline", "qemu:capabilities", "qemu:override", "qemu:deprecation");

  /** Paths the docs show that libvirt's schema does not have (stale examples): kept verbatim, rightly. */
  static final Set<String> NOT_IN_SCHEMA = Set.of("domain/clock/@sync");

  /** The literal blocks (after a line ending in {@code ::}) of an rst file. */
  static List<String> literalBlocks(Path rst) throws IOException {
    List<String> lines = Files.readAllLines(rst);
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).stripTrailing().endsWith("::")) continue;
      int j = i + 1;
      while (j < lines.size() && lines.get(j).isBlank()) j++;
      if (j >= lines.size()) break;
      int indent = lines.get(j).length() - lines.get(j).stripLeading().length();
      if (indent == 0) continue;
      StringBuilder sb = new StringBuilder();
      int k = j;
      for (; k < lines.size(); k++) {
        String l = lines.get(k);
        if (!l.isBlank() && l.length() - l.stripLeading().length() < indent) break;
        if (l.strip().equals("...")) continue;
        sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
      }
      blocks.add(sb.toString());
      i = k - 1;
    }
    return blocks;
  }

  /**
   * The block as domains holding only its guest-level elements (a new domain whenever an element
   * that may appear once repeats, as when one block shows alternatives), empty when it shows none.
   */
  static List<String> guestDomains(String block) {
    String body = block.replaceAll("(?s)<!--.*?-->", "");
    if (!body.strip().startsWith("<")) return List.of();
    String wrapped = body.strip().startsWith("<domain")
        ? body.replaceFirst("<domain[^>]*>", "<domain xmlns:qemu='" + QEMU_NS + "'>")
        : "<domain xmlns:qemu='" + QEMU_NS + "'>" + body + "</domain>";
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      var db = f.newDocumentBuilder();
      db.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // prose blocks are expected to fail: stay quiet
      doc = db.parse(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return List.of(); // prose in a literal block, or an excerpt that is not well-formed
    }
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    Set<String> seen = new java.util.HashSet<>();
    for (Node c = doc.getDocumentElement().getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() != Node.ELEMENT_NODE || !GUEST.contains(c.getNodeName())) continue;
      boolean repeatable = c.getNodeName().equals("seclabel") || c.getNodeName().equals("sysinfo");
      if (!seen.add(c.getNodeName()) && !repeatable) {
        out.add(domain(cur));
        cur.setLength(0);
        seen.clear();
        seen.add(c.getNodeName());
      }
      String xml = serialize(c);
      // the serializer repeats the wrapper's qemu namespace on each element; only qemu: elements need it
      if (!c.getNodeName().startsWith("qemu:")) xml = xml.replace(" xmlns:qemu=\"" + QEMU_NS + "\"", "");
      cur.append(xml);
    }
    if (cur.length() > 0) out.add(domain(cur));
    return out;
  }

  /**
   * A domain libvirt would define around {@code body}: its memory, and an OS type when the example
   * shows none (libvirt refuses a domain without either).
   */
  static String domain(CharSequence body) {
    String b = body.toString();
    if (!b.contains("<os")) b = "<os><type>hvm</type></os>" + b;
    else if (!b.contains("<type")) b = b.replaceFirst("<os( [^>]*)?>", "$0<type>hvm</type>").replaceFirst("<os( [^>]*)?/>", "<os$1><type>hvm</type></os>");
    return "<domain type='kvm' xmlns:qemu='" + QEMU_NS + "'><name>doc</name><memory unit='KiB'>1048576</memory>" + b + "<devices/></domain>";
  }

  static String serialize(Node n) {
    try {
      StringWriter w = new StringWriter();
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.transform(new DOMSource(n), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyGuestLevelDocExampleRoundTripsFullyTyped() throws IOException {
    Path docs = Oracles.sharedPath("reference/libvirt-9.0.0-docs");
    List<String> examples = new ArrayList<>();
    for (String file : List.of("formatdomain.rst", "drvqemu.rst")) {
      for (String b : literalBlocks(docs.resolve(file))) {
        examples.addAll(guestDomains(b));
      }
    }
    List<String> problems = new ArrayList<>();
    for (String xml : examples) {
      if (xml.matches("(?s).*=\"[^\"]*\\|[^\"]*\".*")) continue; // a template listing choices, such as type="file|anonymous|memfd"
      try {
        DomainSpec spec = DomainSpec.fromXml(xml);
        String out = spec.toXml();
        String d = XmlSame.diff(xml, out);
        if (d != null) problems.add("round trip: " + d + "\n" + xml);
        else if (!NOT_IN_SCHEMA.containsAll(spec.unmodeledPaths())) problems.add("unmodeled " + spec.unmodeledPaths() + "\n" + xml);
      } catch (RuntimeException e) {
        problems.add(e + "\n" + xml);
      }
    }
    assertThat(examples).as("guest-level examples found in the docs").hasSizeGreaterThan(30);
    assertThat(problems).as("doc examples that do not round trip fully typed").isEmpty();
  }
}
