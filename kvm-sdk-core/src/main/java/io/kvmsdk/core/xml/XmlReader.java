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
import org.codehaus.stax2.XMLStreamReader2;

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
    Cursor in = open(xml, what);
    try {
      if (in.toRoot() == XmlSource.EOF) throw new InvalidSpecException(what, "XML has no root element");
      XmlElement root = in.tree();
      in.drain();
      return root;
    } finally {
      in.close();
    }
  }

  /** A cursor over {@code xml}, before its first event; refuses null and oversized documents. */
  static Cursor open(String xml, String what) {
    if (xml == null) throw new InvalidSpecException(what, "XML must not be null");
    if (xml.length() > MAX_CHARS) {
      throw new InvalidSpecException(what, "XML is " + xml.length() + " characters, more than the limit of " + MAX_CHARS);
    }
    return new Cursor(xml, 0, what);
  }

  /**
   * The parser's own events, with the same guards as {@link #parse} (no DOCTYPE, no entity references
   * other than the predefined ones, bounded depth); any of them, or XML that is not well-formed, is an
   * {@link InvalidSpecException} on the document, after which {@link #failed} is true.
   */
  static final class Cursor extends XmlSource {
    private final String xml;
    private final int base;   // where in xml this cursor's input begins
    private final String what;
    private final XMLStreamReader2 r;
    private boolean failed;
    private boolean eof;
    // the tree builder's scratch: one level per depth below the element being built
    private Level[] levels;

    Cursor(String xml, int base, String what) {
      this.xml = xml;
      this.base = base;
      this.what = what;
      StringReader in = new StringReader(xml);
      try {
        if (base > 0) in.skip(base);
        r = (XMLStreamReader2) FACTORY.createXMLStreamReader(in);
      } catch (XMLStreamException | java.io.IOException e) {
        throw fail("XML is not well-formed: " + message(e), e);
      }
    }

    /** True once this cursor refused the document (not well-formed, a DOCTYPE, too deep). */
    boolean failed() { return failed; }

    private InvalidSpecException fail(String rule, Exception cause) {
      failed = true;
      return cause == null ? new InvalidSpecException(what, rule) : new InvalidSpecException(what, rule, cause);
    }

    private static String message(Exception e) {
      return e.getMessage() == null ? "malformed" : e.getMessage().replaceAll("\\s+", " ");
    }

    /** Advances to the root element's start; EOF when the document has none. */
    int toRoot() {
      int ev;
      while ((ev = next()) != START && ev != EOF) {
        // text outside the root is white space (the parser refuses anything else)
      }
      return ev;
    }

    @Override int next() {
      if (eof) return EOF;
      try {
        for (;;) {
          switch (r.next()) {
            case XMLStreamConstants.START_ELEMENT:
              if (depth >= MAX_DEPTH) throw fail("XML nested deeper than " + MAX_DEPTH + " elements", null);
              depth++;
              return START;
            case XMLStreamConstants.END_ELEMENT:
              depth--;
              return END;
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
              if (depth > 0) return TEXT;
              break;
            case XMLStreamConstants.DTD:
              throw fail("XML must not contain a DOCTYPE (DTDs and entities are refused)", null);
            case XMLStreamConstants.ENTITY_REFERENCE:
              throw fail("XML must not use entity references other than the predefined ones", null);
            case XMLStreamConstants.END_DOCUMENT:
              eof = true;
              return EOF;
            default:
              break;
          }
        }
      } catch (XMLStreamException e) {
        throw fail("XML is not well-formed: " + message(e), e);
      } catch (com.ctc.wstx.exc.WstxLazyException e) {
        throw fail("XML is not well-formed: " + message(e), e);
      }
    }

    /** Reads to the end of the document (a document that is not well-formed further on is refused here). */
    void drain() {
      while (next() != EOF) {
        // the rest is checked by the parser as it goes
      }
    }

    void close() {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing to release
      }
    }

    // Parsing is not namespace-aware: names come as written, prefix included, and xmlns declarations
    // are ordinary attributes.
    @Override String name() { return r.getLocalName(); }

    @Override int attrCount() { return r.getAttributeCount(); }

    @Override String attrName(int i) { return r.getAttributeLocalName(i); }

    @Override String attrValue(int i) { return r.getAttributeValue(i); }

    @Override boolean blank() {
      try {
        char[] c = r.getTextCharacters();
        for (int i = r.getTextStart(), end = i + r.getTextLength(); i < end; i++) {
          if (!Character.isWhitespace(c[i])) return false;
        }
        return true;
      } catch (com.ctc.wstx.exc.WstxLazyException e) {
        throw fail("XML is not well-formed: " + message(e), e);
      }
    }

    @Override String text() {
      try {
        return r.getText();
      } catch (com.ctc.wstx.exc.WstxLazyException e) {
        throw fail("XML is not well-formed: " + message(e), e);
      }
    }

    @Override long mark() { return base + r.getLocationInfo().getStartingCharOffset(); }

    @Override XmlElement tree() {
      if (levels == null) levels = new Level[8];
      int top = depth;  // the element being built is open at this depth
      level(0).start(r);
      for (;;) {
        int ev = next();
        if (ev == START) {
          level(depth - top).start(r);
        } else if (ev == TEXT) {
          try {
            levels[depth - top].text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          } catch (com.ctc.wstx.exc.WstxLazyException e) {
            throw fail("XML is not well-formed: " + message(e), e);
          }
        } else if (ev == END) {
          XmlElement n = levels[depth + 1 - top].build();
          if (depth < top) return n;
          levels[depth - top].child(n);
        } else {
          throw fail("XML is not well-formed: the document ends inside <" + levels[0].name + ">", null);
        }
      }
    }

    private Level level(int i) {
      if (i == levels.length) levels = Arrays.copyOf(levels, i * 2);
      Level l = levels[i];
      if (l == null) levels[i] = l = new Level();
      return l;
    }

    @Override XmlElement treeAt(long mark) {
      Cursor again = new Cursor(xml, (int) mark, what);
      try {
        again.toRoot();
        return again.tree();
      } finally {
        again.close();
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
    int[] cuts = new int[4]; // the length of text when each child came: where mixed content is cut
    boolean hasText; // some text that is not white space: the element keeps all of it, as written

    void start(XMLStreamReader2 r) {
      name = r.getLocalName();
      nattrs = 0;
      children.clear();
      text.setLength(0);
      hasText = false;
      for (int i = 0, n = r.getAttributeCount(); i < n; i++) attr(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }

    void attr(String n, String v) {
      if (2 * nattrs + 2 > attrs.length) attrs = Arrays.copyOf(attrs, attrs.length * 2);
      attrs[2 * nattrs] = n;
      attrs[2 * nattrs + 1] = v;
      nattrs++;
    }

    void child(XmlElement c) {
      int i = children.size();
      if (i == cuts.length) cuts = Arrays.copyOf(cuts, i * 2);
      cuts[i] = text.length();
      children.add(c);
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
      String t = hasText ? text.toString() : null;
      String[] segments = null;
      int n = children.size();
      if (t != null && n > 0) { // mixed content: every piece of text where it was
        segments = new String[n + 1];
        int from = 0;
        for (int i = 0; i < n; i++) {
          segments[i] = t.substring(from, cuts[i]);
          from = cuts[i];
        }
        segments[n] = t.substring(from);
      }
      return XmlElement.make(name, nattrs == 0 ? null : Arrays.copyOf(attrs, 2 * nattrs),
          n == 0 ? List.of() : List.copyOf(children), t, segments);
    }
  }
}
