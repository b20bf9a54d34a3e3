package io.kvmsdk.core.xml;


import com.ctc.wstx.stax.WstxInputFactory;
import io.kvmsdk.core.InvalidSpecException;
import java.io.StringReader;
import java.util.ArrayDeque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Safe XML reading into {@link XmlElement}: no DTDs, no external entities, no entity expansion, bounded
 * size. Uses the Woodstox StAX parser (the one Jackson XML ships with). Parsing is not namespace-aware
 * on purpose: prefixes and {@code xmlns} declarations are kept exactly as written so that
 * re-rendering reproduces them.
 */
public final class XmlReader {
  /** Largest document accepted, in characters. libvirt's own limit for a domain is 10 MB. */
  public static final int MAX_CHARS = 10 * 1024 * 1024;
  private static final int MAX_DEPTH = 64;

  private static final XMLInputFactory FACTORY = createFactory();

  private XmlReader() {}

  private static XMLInputFactory createFactory() {
    // Woodstox itself, not through Jackson's XmlFactory: the same parser without loading Jackson's
    // databind-side classes and output factory on a first document.
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Parses {@code xml}; {@code what} names the document in error messages (e.g. "domain"). */
  public static XmlElement parse(String xml, String what) {
    if (xml == null) throw new InvalidSpecException(what, "XML must not be null");
    if (xml.length() > MAX_CHARS) {
      throw new InvalidSpecException(what, "XML is " + xml.length() + " characters, more than the limit of " + MAX_CHARS);
    }
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(xml));
      ArrayDeque<XmlElement.Builder> stack = new ArrayDeque<>();
      ArrayDeque<StringBuilder> texts = new ArrayDeque<>();
      XmlElement root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT: {
            if (stack.size() >= MAX_DEPTH) throw new InvalidSpecException(what, "XML nested deeper than " + MAX_DEPTH + " elements");
            String prefix = r.getPrefix();
            String local = r.getLocalName();
            XmlElement.Builder b = XmlElement.builder(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local);
            for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
              String p = r.getNamespacePrefix(i);
              b.attr(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
            }
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
              String p = r.getAttributePrefix(i);
              String l = r.getAttributeLocalName(i);
              b.attr(p == null || p.isEmpty() ? l : p + ":" + l, r.getAttributeValue(i));
            }
            stack.push(b);
            texts.push(new StringBuilder(0));
            break;
          }
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            if (!texts.isEmpty()) texts.peek().append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            break;
          case XMLStreamConstants.END_ELEMENT: {
            XmlElement.Builder b = stack.pop();
            String t = texts.pop().toString();
            if (!t.isBlank()) b.text(t);
            XmlElement n = b.build();
            if (stack.isEmpty()) root = n; else stack.peek().child(n);
            break;
          }
          case XMLStreamConstants.DTD:
            throw new InvalidSpecException(what, "XML must not contain a DOCTYPE (DTDs and entities are refused)");
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw new InvalidSpecException(what, "XML must not use entity references other than the predefined ones");
          default:
            break;
        }
      }
      if (root == null) throw new InvalidSpecException(what, "XML has no root element");
      return root;
    } catch (XMLStreamException e) {
      String msg = e.getMessage() == null ? "malformed" : e.getMessage().replaceAll("\\s+", " ");
      throw new InvalidSpecException(what, "XML is not well-formed: " + msg, e);
    } finally {
      if (r != null) {
        try { r.close(); } catch (XMLStreamException ignored) { /* nothing to release */ }
      }
    }
  }
}
