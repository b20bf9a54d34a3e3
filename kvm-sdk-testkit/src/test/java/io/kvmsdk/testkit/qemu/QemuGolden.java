package io.kvmsdk.testkit.qemu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The golden files of {@link QemuShapes} ({@code src/test/resources/qemu-golden/NAME.inactive.xml},
 * {@code NAME.live.xml} and, where defining the inactive XML again changes it, {@code NAME.redefined.xml}, as
 * libvirtd wrote them) and the masking of the values libvirt generates, which
 * the model cannot predict: the UUID, MAC addresses, tap and macvtap numbers, network port ids, pty paths,
 * VNC/SPICE ports chosen by autoport, the domain id (also in the guest agent's socket path).
 */
final class QemuGolden {
  private QemuGolden() {}

  static final String RECORD_PROPERTY = "kvmsdk.qemuGolden.record";
  private static final Pattern TAP = Pattern.compile("(vnet|macvtap|macvlan)[0-9]+");
  private static final Pattern DOMAIN_DIR = Pattern.compile("/domain-[0-9]+-");

  static boolean recording() { return Boolean.getBoolean(RECORD_PROPERTY); }

  /** The golden XML of {@code shape} ({@code kind} inactive or live), or empty when none was recorded. */
  static Optional<String> read(String shape, String kind) {
    try (InputStream in = QemuGolden.class.getResourceAsStream("/qemu-golden/" + shape + "." + kind + ".xml")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a golden file into the module's source tree (recording mode; Maven runs tests in the module directory). */
  static void write(String shape, String kind, String xml) {
    try {
      Path dir = Path.of("src/test/resources/qemu-golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(shape + "." + kind + ".xml"), xml.endsWith("\n") ? xml : xml + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a golden file from the module's source tree (recording mode). */
  static void delete(String shape, String kind) {
    try {
      Files.deleteIfExists(Path.of("src/test/resources/qemu-golden").resolve(shape + "." + kind + ".xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code xml} with every generated value replaced by {@code *}. */
  static String mask(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      Element domain = doc.getDocumentElement();
      maskAttr(domain, "id");
      for (Element u : children(domain, "uuid")) u.setTextContent("*");
      for (Element devices : children(domain, "devices")) {
        for (Element nic : children(devices, "interface")) {
          for (Element mac : children(nic, "mac")) maskAttr(mac, "address");
          for (Element src : children(nic, "source")) maskAttr(src, "portid");
          for (Element t : children(nic, "target")) {
            if (TAP.matcher(t.getAttribute("dev")).matches()) t.setAttribute("dev", "*");
          }
        }
        for (String chr : new String[] {"serial", "parallel", "console", "channel"}) {
          for (Element c : children(devices, chr)) {
            if (c.getAttribute("tty").startsWith("/dev/pts/")) c.setAttribute("tty", "*");
            for (Element src : children(c, "source")) {
              String p = src.getAttribute("path");
              if (p.startsWith("/dev/pts/")) src.setAttribute("path", "*");
              else if (DOMAIN_DIR.matcher(p).find()) src.setAttribute("path", DOMAIN_DIR.matcher(p).replaceAll("/domain-*-"));
            }
          }
        }
        for (Element g : children(devices, "graphics")) {
          if (g.getAttribute("autoport").equals("yes")) {
            for (String a : new String[] {"port", "tlsPort", "websocket"}) {
              if (g.hasAttribute(a) && !g.getAttribute(a).equals("-1")) g.setAttribute(a, "*");
            }
          }
        }
      }
      return write(doc);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot mask " + xml, e);
    }
  }

  private static void maskAttr(Element e, String attr) {
    if (e.hasAttribute(attr)) e.setAttribute(attr, "*");
  }

  private static java.util.List<Element> children(Element parent, String name) {
    java.util.List<Element> out = new java.util.ArrayList<>();
    NodeList nl = parent.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      Node n = nl.item(i);
      if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getLocalName())) out.add((Element) n);
    }
    return out;
  }

  private static String write(Document doc) throws Exception {
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter w = new StringWriter();
    t.transform(new DOMSource(doc), new StreamResult(w));
    return w.toString();
  }
}
