package io.kvmsdk.core.xml;


/**
 * Serialises an {@link XmlElement} tree the way libvirt formats its XML: two-space indent, one element
 * per line, single-quoted attributes, text inline, empty elements self-closed. An element that holds
 * text gets no white space added inside it: mixed content (text beside child elements) is written
 * exactly as it was read, children inline, so a round trip never changes its text. This is the only
 * place the SDK turns XML into characters; every value goes through {@link #escape}.
 */
public final class XmlWriter {
  private XmlWriter() {}

  /** Attributes whose values are secrets: masked by {@link #writeRedacted}. */
  private static final java.util.Set<String> SECRET_ATTRS = XmlOut.SECRET_ATTRS;

  /** Elements whose text is a secret (HTTP cookies of a network disk): masked by {@link #writeRedacted}. */
  private static final java.util.Set<String> SECRET_TEXT = XmlOut.SECRET_TEXT;

  public static String write(XmlElement root) {
    StringBuilder sb = new StringBuilder(1024);
    write(sb, root, 0, false);
    return sb.toString();
  }

  /** Like {@link #write} but with secret attribute values (passwords) shown as {@code ****}. */
  public static String writeRedacted(XmlElement root) {
    StringBuilder sb = new StringBuilder(1024);
    write(sb, root, 0, true);
    return sb.toString();
  }

  private static void indent(StringBuilder sb, int depth) {
    XmlOut.indent(sb, depth);
  }

  static void write(StringBuilder sb, XmlElement n, int depth, boolean redact) {
    indent(sb, depth);
    sb.append('<').append(n.name());
    for (int i = 0, k = n.attrCount(); i < k; i++) {
      sb.append(' ').append(n.attrName(i)).append("='");
      if (redact && SECRET_ATTRS.contains(n.attrName(i))) sb.append("****");
      else escape(sb, n.attrValue(i), true);
      sb.append('\'');
    }
    boolean hasText = n.text() != null;
    if (n.children().isEmpty() && !hasText) {
      sb.append("/>\n");
      return;
    }
    sb.append('>');
    if (hasText && !n.children().isEmpty()) { // mixed content: nothing added inside
      writeInline(sb, n, redact, true);
      sb.append('\n');
      return;
    }
    if (hasText) {
      if (redact && SECRET_TEXT.contains(n.name())) sb.append("****");
      else escape(sb, n.text(), false);
    }
    if (!n.children().isEmpty()) {
      sb.append('\n');
      for (XmlElement c : n.children()) write(sb, c, depth + 1, redact);
      indent(sb, depth);
    }
    sb.append("</").append(n.name()).append(">\n");
  }

  /**
   * The content and end tag of {@code n} (its start tag is written, up to {@code >} when {@code open}),
   * with no white space added: the pieces of mixed text where they were, children inline.
   */
  static void writeInline(StringBuilder sb, XmlElement n, boolean redact, boolean open) {
    boolean secret = redact && SECRET_TEXT.contains(n.name());
    if (!open) {
      sb.append('<').append(n.name());
      for (int i = 0, k = n.attrCount(); i < k; i++) {
        sb.append(' ').append(n.attrName(i)).append("='");
        if (redact && SECRET_ATTRS.contains(n.attrName(i))) sb.append("****");
        else escape(sb, n.attrValue(i), true);
        sb.append('\'');
      }
      if (n.children().isEmpty() && n.text() == null) {
        sb.append("/>");
        return;
      }
      sb.append('>');
    }
    java.util.List<XmlElement> kids = n.children();
    if (n.text() != null && (secret || kids.isEmpty())) {
      if (secret) sb.append("****");
      else escape(sb, n.text(), false);
      for (XmlElement c : kids) writeInline(sb, c, redact, false);
    } else {
      for (int i = 0, k = kids.size(); i <= k; i++) {
        if (n.text() != null) escape(sb, n.textBefore(i), false);
        if (i < k) writeInline(sb, kids.get(i), redact, false);
      }
    }
    sb.append("</").append(n.name()).append('>');
  }

  /** Appends {@code s} escaped for an attribute value (single-quoted) or for element text. */
  public static void escape(StringBuilder sb, String s, boolean attribute) {
    int n = s.length();
    int first = 0;
    while (first < n && !special(s.charAt(first))) first++;
    if (first == n) { // the common case: nothing to escape
      sb.append(s);
      return;
    }
    sb.append(s, 0, first);
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '\'': if (attribute) sb.append("&apos;"); else sb.append(c); break;
        case '"': if (attribute) sb.append("&quot;"); else sb.append(c); break;
        case '\n': if (attribute) sb.append("&#10;"); else sb.append(c); break;
        case '\r': sb.append("&#13;"); break;
        case '\t': if (attribute) sb.append("&#9;"); else sb.append(c); break;
        default: sb.append(c);
      }
    }
  }

  /** The characters {@link #escape} may rewrite, as bits of one word (all are below 64). */
  private static final long SPECIAL = 1L << '&' | 1L << '<' | 1L << '>' | 1L << '\'' | 1L << '"' | 1L << '\n' | 1L << '\r' | 1L << '\t';

  private static boolean special(char c) {
    return c < 64 && (SPECIAL >>> c & 1) != 0;
  }
}
