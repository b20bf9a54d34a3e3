package io.kvmsdk.core.xml;


import com.ctc.wstx.stax.WstxInputFactory;
import io.kvmsdk.core.InvalidSpecException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
      // One scratch level per depth, reused by every element at that depth: names, attributes,
      // children and text are gathered there and copied once, exactly sized, into the element.
      Level[] levels = new Level[8];
      int depth = 0;
      XmlElement root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT: {
            if (depth >= MAX_DEPTH) throw new InvalidSpecException(what, "XML nested deeper than " + MAX_DEPTH + " elements");
            if (depth == levels.length) levels = Arrays.copyOf(levels, depth * 2);
            Level l = levels[depth];
            if (l == null) levels[depth] = l = new Level();
            String prefix = r.getPrefix();
            String local = r.getLocalName();
            l.start(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local);
            for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
              String p = r.getNamespacePrefix(i);
              l.attr(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
            }
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
              String p = r.getAttributePrefix(i);
              String a = r.getAttributeLocalName(i);
              l.attr(p == null || p.isEmpty() ? a : p + ":" + a, r.getAttributeValue(i));
            }
            depth++;
            break;
          }
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            if (depth > 0) levels[depth - 1].text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            break;
          case XMLStreamConstants.END_ELEMENT: {
            XmlElement n = levels[--depth].build();
            if (depth == 0) root = n; else levels[depth - 1].children.add(n);
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

  /** What is being gathered for the open element at one depth. */
  private static final class Level {
    String name;
    String[] attrs = new String[16];
    int nattrs;
    final ArrayList<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    boolean hasText; // some text that is not white space: the element keeps all of it, as written

    void start(String n) {
      name = n;
      nattrs = 0;
      children.clear();
      text.setLength(0);
      hasText = false;
    }

    void attr(String n, String v) {
      if (2 * nattrs + 2 > attrs.length) attrs = Arrays.copyOf(attrs, attrs.length * 2);
      attrs[2 * nattrs] = n;
      attrs[2 * nattrs + 1] = v;
      nattrs++;
    }

    void text(char[] chars, int start, int length) {
      text.append(chars, start, length);
      if (!hasText) {
        for (int i = start, end = start + length; i < end; i++) {
          if (!Character.isWhitespace(chars[i])) {
            hasText = true;
            break;
          }
        }
      }
    }

    XmlElement build() {
      return XmlElement.make(name, nattrs == 0 ? null : Arrays.copyOf(attrs, 2 * nattrs),
          children.isEmpty() ? List.of() : List.copyOf(children), hasText ? text.toString() : null);
    }
  }
}
