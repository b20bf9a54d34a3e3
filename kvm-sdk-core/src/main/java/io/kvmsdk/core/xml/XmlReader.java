package io.kvmsdk.core.xml;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Safe XML reading into {@link XmlElement}: no DTDs, no external entities, no entity expansion, bounded
 * size and depth. Uses the SDK's own strict XML 1.0 scanner ({@link XmlScanner}, proved against Woodstox).
 * Parsing is not namespace-aware on purpose: prefixes and {@code xmlns} declarations are kept exactly
 * as written so that re-rendering reproduces them.
 */
public final class XmlReader {
  /** Largest document accepted, in characters. libvirt's own limit for a domain is 10 MB. */
  public static final int MAX_CHARS = 10 * 1024 * 1024;
  private static final int MAX_DEPTH = 64;

  private XmlReader() {}

  /** Parses {@code xml}; {@code what} names the document in error messages (e.g. "domain"). */
  public static XmlElement parse(String xml, String what) {
    Cursor in = open(xml, what);
    if (in.toRoot() == XmlSource.EOF) throw new InvalidSpecException(what, "XML has no root element");
    XmlElement root = in.tree();
    in.drain();
    return root;
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
   * The scanner's events, with the same guards as {@link #parse} (no DOCTYPE, no entity references
   * other than the predefined ones, bounded depth); any of them, or XML that is not well-formed, is an
   * {@link InvalidSpecException} on the document, after which {@link #failed} is true.
   */
  static final class Cursor extends XmlSource {
    private final String xml;
    private final String what;
    private final XmlScanner r;
    private boolean failed;
    private boolean eof;
    // the tree builder's scratch: one level per depth below the element being built
    private Level[] levels;

    Cursor(String xml, int base, String what) {
      this.xml = xml;
      this.what = what;
      this.r = new XmlScanner(xml, base, base > 0);
    }

    /** True once this cursor refused the document (not well-formed, a DOCTYPE, too deep). */
    boolean failed() { return failed; }

    private InvalidSpecException fail(String rule) {
      failed = true;
      return new InvalidSpecException(what, rule);
    }

    /** Advances to the root element's start; EOF when the document has none. */
    int toRoot() {
      int ev;
      while ((ev = next()) != START && ev != EOF) {
        // text outside the root is white space (the scanner refuses anything else)
      }
      return ev;
    }

    @Override int next() {
      if (eof) return EOF;
      int ev;
      try {
        ev = r.next();
      } catch (XmlScanner.Refusal e) {
        throw fail(e.getMessage());
      }
      switch (ev) {
        case XmlScanner.START:
          if (depth >= MAX_DEPTH) throw fail("XML nested deeper than " + MAX_DEPTH + " elements");
          depth++;
          return START;
        case XmlScanner.END:
          depth--;
          return END;
        case XmlScanner.TEXT:
          return TEXT;
        default:
          eof = true;
          return EOF;
      }
    }

    /** Reads to the end of the document (a document that is not well-formed further on is refused here). */
    void drain() {
      while (next() != EOF) {
        // the rest is checked by the scanner as it goes
      }
    }

    // Parsing is not namespace-aware: names come as written, prefix included, and xmlns declarations
    // are ordinary attributes.
    @Override String name() { return r.name(); }

    @Override int attrCount() { return r.attrCount(); }

    @Override String attrName(int i) { return r.attrName(i); }

    @Override String attrValue(int i) { return r.attrValue(i); }

    @Override boolean blank() { return r.blank(); }

    @Override String text() { return r.text(); }

    @Override long mark() { return r.startOffset(); }

    @Override XmlElement tree() {
      if (levels == null) levels = new Level[8];
      int top = depth;  // the element being built is open at this depth
      level(0).start(r);
      for (;;) {
        int ev = next();
        if (ev == START) {
          level(depth - top).start(r);
        } else if (ev == TEXT) {
          levels[depth - top].text(r);
        } else if (ev == END) {
          XmlElement n = levels[depth + 1 - top].build();
          if (depth < top) return n;
          levels[depth - top].child(n);
        } else {
          throw fail("XML is not well-formed: the document ends inside <" + levels[0].name + ">");
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
      again.toRoot();
      return again.tree();
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

    void start(XmlScanner r) {
      name = r.name();
      nattrs = 0;
      children.clear();
      text.setLength(0);
      hasText = false;
      for (int i = 0, n = r.attrCount(); i < n; i++) attr(r.attrName(i), r.attrValue(i));
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

    void text(XmlScanner r) {
      r.appendText(text);
      if (!hasText && !r.blank()) hasText = true;
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
