package io.kvmsdk.benchmarks;

import com.ctc.wstx.stax.WstxInputFactory;
import io.kvmsdk.core.domain.DomainSpec;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The three XML round trips the benchmarks compare, each parse-then-serialize of one document:
 * the JDK's DOM (parse + identity transform, indented), Woodstox's StAX reader into a minimal untyped
 * tree written back with libvirt's layout (the practical ceiling for any tree-building codec), and the
 * SDK's typed codec ({@code DomainSpec.fromXml(xml).toXml()}).
 * Each kind's machinery is created on first use, so a cold start pays only for its own kind.
 */
final class RoundTrips {
  private RoundTrips() {}

  /** One round trip of a document. */
  interface RoundTrip {
    String run(String xml) throws Exception;
  }

  static RoundTrip of(String kind) {
    switch (kind) {
      case "typed": return xml -> DomainSpec.fromXml(xml).toXml();
      case "dom": return new Dom()::run;
      case "woodstox": return new WoodstoxTree()::run;
      default: throw new IllegalArgumentException("kind must be typed, dom or woodstox, got " + kind);
    }
  }

  /** The JDK's DOM: DocumentBuilder parse and an indenting identity Transformer. */
  static final class Dom {
    private final DocumentBuilderFactory dbf;
    private final TransformerFactory tf;

    Dom() {
      try {
        dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        tf = TransformerFactory.newInstance();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    Document parse(String xml) throws Exception {
      DocumentBuilder b = dbf.newDocumentBuilder();
      return b.parse(new InputSource(new StringReader(xml)));
    }

    String serialize(Document d) throws Exception {
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(d), new StreamResult(w));
      return w.toString();
    }

    String run(String xml) throws Exception { return serialize(parse(xml)); }
  }

  /** Woodstox's StAX reader into a minimal untyped tree, written back two-space indented. */
  static final class WoodstoxTree {
    private final XMLInputFactory f;

    WoodstoxTree() {
      f = new WstxInputFactory();
      f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      f.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    static final class Node {
      final String name;
      final String[] attrs;
      final List<Node> kids = new ArrayList<>(4);
      final StringBuilder text = new StringBuilder(0);

      Node(String name, String[] attrs) {
        this.name = name;
        this.attrs = attrs;
      }
    }

    Node parse(String xml) throws XMLStreamException {
      XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
      ArrayList<Node> stack = new ArrayList<>();
      Node root = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String p = r.getPrefix();
          String[] a = new String[2 * (r.getNamespaceCount() + r.getAttributeCount())];
          int k = 0;
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            String np = r.getNamespacePrefix(i);
            a[k++] = np == null || np.isEmpty() ? "xmlns" : "xmlns:" + np;
            a[k++] = r.getNamespaceURI(i);
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String ap = r.getAttributePrefix(i);
            a[k++] = ap == null || ap.isEmpty() ? r.getAttributeLocalName(i) : ap + ":" + r.getAttributeLocalName(i);
            a[k++] = r.getAttributeValue(i);
          }
          Node n = new Node(p == null || p.isEmpty() ? r.getLocalName() : p + ":" + r.getLocalName(), a);
          if (stack.isEmpty()) root = n; else stack.get(stack.size() - 1).kids.add(n);
          stack.add(n);
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          stack.remove(stack.size() - 1);
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
          if (!stack.isEmpty()) stack.get(stack.size() - 1).text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }
      }
      r.close();
      return root;
    }

    static void write(StringBuilder sb, Node n, int depth) {
      for (int i = 0; i < depth; i++) sb.append("  ");
      sb.append('<').append(n.name);
      for (int i = 0; i < n.attrs.length; i += 2) {
        sb.append(' ').append(n.attrs[i]).append("='");
        escape(sb, n.attrs[i + 1], true);
        sb.append('\'');
      }
      boolean text = !n.text.toString().isBlank();
      if (n.kids.isEmpty() && !text) {
        sb.append("/>\n");
        return;
      }
      sb.append('>');
      if (text) escape(sb, n.text.toString(), false);
      if (!n.kids.isEmpty()) {
        sb.append('\n');
        for (Node c : n.kids) write(sb, c, depth + 1);
        for (int i = 0; i < depth; i++) sb.append("  ");
      }
      sb.append("</").append(n.name).append(">\n");
    }

    static void escape(StringBuilder sb, String s, boolean attr) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '&': sb.append("&amp;"); break;
          case '<': sb.append("&lt;"); break;
          case '>': sb.append("&gt;"); break;
          case '\'': if (attr) sb.append("&apos;"); else sb.append(c); break;
          case '\n': if (attr) sb.append("&#10;"); else sb.append(c); break;
          default: sb.append(c);
        }
      }
    }

    String run(String xml) throws XMLStreamException {
      StringBuilder sb = new StringBuilder(xml.length() + 256);
      write(sb, parse(xml), 0);
      return sb.toString();
    }
  }
}
