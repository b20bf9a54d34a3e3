package io.kvmsdk.core.xml;

import java.util.Set;

/**
 * The streaming side of {@link XmlWriter}: typed values are written straight into one buffer, with no
 * intermediate {@link XmlElement} tree, in exactly the layout {@link XmlWriter} gives a tree
 * (two-space indent, one element per line, single-quoted attributes, text inline, empty elements
 * self-closed). Whether an element self-closes is only known when its first child arrives, so the
 * end of the start tag waits in {@link #pending} until a child or the end tag settles it.
 */
final class XmlOut {
  /** Attributes whose values are secrets: masked when redacting. */
  static final Set<String> SECRET_ATTRS = Set.of("passwd", "password", "auth_pass");

  /** Elements whose text is a secret (HTTP cookies of a network disk): masked when redacting. */
  static final Set<String> SECRET_TEXT = Set.of("cookie");

  final StringBuilder sb;
  final boolean redact;
  /** What closes the start tag of the innermost open element if a child follows; null once settled. */
  private String pending;
  /** Elements deeper than this are inside an element that has text: written inline, no white space added. */
  private int inline = Integer.MAX_VALUE;

  XmlOut(StringBuilder sb, boolean redact) {
    this.sb = sb;
    this.redact = redact;
  }

  private static final String SPACES = " ".repeat(64);

  static void indent(StringBuilder sb, int depth) {
    int n = 2 * depth;
    for (; n > SPACES.length(); n -= SPACES.length()) sb.append(SPACES);
    sb.append(SPACES, 0, n);
  }

  /** Opens {@code <name}; attributes follow. */
  void start(String name, int depth) {
    if (pending != null) {
      sb.append(pending);
      pending = null;
    }
    if (depth <= inline) indent(sb, depth);
    sb.append('<').append(name);
  }

  void attr(String n, String v) {
    if (v == null) return; // as XmlElement.Builder#attr: an attribute without a value is not written
    sb.append(' ').append(n).append("='");
    if (redact && SECRET_ATTRS.contains(n)) sb.append("****");
    else XmlWriter.escape(sb, v, true);
    sb.append('\'');
  }

  /** Ends the attributes of element {@code name} at {@code depth}, writing its text (null when it has none). */
  void content(String name, String text, int depth) {
    if (text != null) {
      sb.append('>');
      if (redact && SECRET_TEXT.contains(name)) sb.append("****");
      else XmlWriter.escape(sb, text, false);
      if (depth < inline) inline = depth; // children of an element with text go inline
      pending = "";
    } else {
      pending = depth > inline ? ">" : ">\n";
    }
  }

  /** Closes element {@code name} opened at {@code depth}; {@code text} tells whether it had text. */
  void end(String name, int depth, boolean text) {
    boolean in = depth > inline;
    if (pending != null) { // no child came
      pending = null;
      if (text) sb.append("</").append(name).append('>');
      else sb.append("/>");
    } else {
      if (!in && !text) indent(sb, depth);
      sb.append("</").append(name).append('>');
    }
    if (depth == inline) inline = Integer.MAX_VALUE;
    if (!in) sb.append('\n');
  }

  /** Writes a whole element tree (content kept verbatim, or a codec that renders trees). */
  void element(XmlElement e, int depth) {
    if (pending != null) {
      sb.append(pending);
      pending = null;
    }
    if (depth > inline) XmlWriter.writeInline(sb, e, redact, false);
    else XmlWriter.write(sb, e, depth, redact);
  }

  /** A childless element with one attribute, {@code <n a='v'/>}. */
  void leaf(String name, String attr, String value, int depth) {
    start(name, depth);
    if (attr != null) attr(attr, value);
    sb.append(depth > inline ? "/>" : "/>\n");
  }

  /** {@code <n>text</n>}, or {@code <n/>} when text is null. */
  void textLeaf(String name, String text, int depth) {
    start(name, depth);
    if (text == null) {
      sb.append(depth > inline ? "/>" : "/>\n");
      return;
    }
    sb.append('>');
    if (redact && SECRET_TEXT.contains(name)) sb.append("****");
    else XmlWriter.escape(sb, text, false);
    sb.append("</").append(name).append('>');
    if (depth <= inline) sb.append('\n');
  }
}
