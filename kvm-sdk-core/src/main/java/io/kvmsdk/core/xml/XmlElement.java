package io.kvmsdk.core.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable XML element: qualified name as written (prefix kept, namespace declarations are
 * ordinary attributes), attributes in document order, element children, and text. Comments,
 * processing instructions and blank text are not kept. Mixed content (text that is not blank beside
 * child elements) keeps every piece of text where it was ({@link #textBefore}), white space included,
 * so it is written back exactly. Equality is structural.
 */
public final class XmlElement {
  private static final String[] NO_ATTRS = new String[0];

  private final String name;
  private final String[] attrs; // name0, value0, name1, value1, ...
  private final List<XmlElement> children;
  private final String text; // null when the element has no non-blank text
  /** Mixed content: the text before each child and after the last (children.size() + 1 pieces); else null. */
  private final String[] segments;

  private XmlElement(String name, String[] attrs, List<XmlElement> children, String text, String[] segments) {
    this.name = name;
    this.attrs = attrs;
    this.children = children;
    this.text = text;
    this.segments = segments;
  }

  public static Builder builder(String name) { return new Builder(name); }

  /** An element from parts the caller hands over and no longer touches (the reader's exact-size copies). */
  static XmlElement make(String name, String[] attrs, List<XmlElement> children, String text, String[] segments) {
    return new XmlElement(name, attrs == null ? NO_ATTRS : attrs, children, text, segments);
  }

  /** Parses a document safely (no DTDs or entities, bounded size). */
  public static XmlElement parse(String xml) { return read(xml, "xml"); }

  static XmlElement read(String xml, String what) { return XmlReader.parse(xml, what); }

  /** This element as pretty-printed XML, the way libvirt writes it. */
  public String toXml() { return XmlWriter.write(this); }

  public static XmlElement leaf(String name) { return new XmlElement(name, NO_ATTRS, List.of(), null, null); }

  public String name() { return name; }

  public int attrCount() { return attrs.length / 2; }

  public String attrName(int i) { return attrs[2 * i]; }

  public String attrValue(int i) { return attrs[2 * i + 1]; }

  public String attr(String n) {
    for (int i = 0; i < attrs.length; i += 2) if (attrs[i].equals(n)) return attrs[i + 1];
    return null;
  }

  public List<XmlElement> children() { return children; }

  /** The element's text (every piece of it, in order, when the content is mixed); null when it has none that is not blank. */
  public String text() { return text; }

  /** True when the element holds text that is not blank and child elements (mixed content). */
  public boolean isMixed() { return text != null && !children.isEmpty(); }

  /**
   * Mixed content: the text right before child {@code i}, or after the last child when {@code i} is the
   * number of children, exactly as written; "" where there is none. An element built with both text
   * and children has all its text before the first child.
   */
  public String textBefore(int i) {
    if (segments != null) return segments[i];
    return i == 0 && text != null ? text : "";
  }

  public boolean isEmpty() { return attrs.length == 0 && children.isEmpty() && text == null; }

  public Builder toBuilder() {
    Builder b = new Builder(name);
    for (int i = 0; i < attrs.length; i += 2) b.attr(attrs[i], attrs[i + 1]);
    b.children.addAll(children);
    b.text = text;
    b.segments = segments;
    return b;
  }

  @Override public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof XmlElement)) return false;
    XmlElement x = (XmlElement) o;
    return name.equals(x.name) && Arrays.equals(attrs, x.attrs) && children.equals(x.children)
        && Objects.equals(text, x.text) && sameSegments(x);
  }

  private boolean sameSegments(XmlElement x) {
    if (!isMixed()) return true;
    for (int i = 0, n = children.size(); i <= n; i++) if (!textBefore(i).equals(x.textBefore(i))) return false;
    return true;
  }

  @Override public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(attrs), children, text);
  }

  @Override public String toString() { return XmlWriter.write(this); }

  /** Mutable builder; {@link #build()} freezes it. */
  public static final class Builder {
    private final String name;
    private String[] attrs = NO_ATTRS;
    private int nattrs;
    private final ArrayList<XmlElement> children = new ArrayList<>(4);
    private String text;
    private String[] segments; // kept from toBuilder() while children are only appended

    Builder(String name) { this.name = Objects.requireNonNull(name); }

    public String name() { return name; }

    public Builder attr(String n, String v) {
      if (v == null) return this;
      if (2 * nattrs + 2 > attrs.length) attrs = Arrays.copyOf(attrs, Math.max(8, attrs.length * 2));
      attrs[2 * nattrs] = n;
      attrs[2 * nattrs + 1] = v;
      nattrs++;
      return this;
    }

    public Builder child(XmlElement c) {
      if (c != null) {
        children.add(c);
        if (segments != null) { // the new child comes after the last piece of text
          segments = Arrays.copyOf(segments, segments.length + 1);
          segments[segments.length - 1] = "";
        }
      }
      return this;
    }

    /** Inserts {@code c} right after the last child named {@code after} (at the start when null). */
    public Builder insertAfter(String after, XmlElement c) {
      segments = null; // pieces of text no longer line up with the children: all text goes first
      if (after == null) { children.add(0, c); return this; }
      for (int i = children.size() - 1; i >= 0; i--) {
        if (children.get(i).name().equals(after)) { children.add(i + 1, c); return this; }
      }
      children.add(c);
      return this;
    }

    public Builder text(String t) {
      this.text = t;
      this.segments = null;
      return this;
    }

    public XmlElement build() {
      String[] a = nattrs == 0 ? NO_ATTRS : Arrays.copyOf(attrs, 2 * nattrs);
      List<XmlElement> c = children.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
      String[] s = text != null && !c.isEmpty() && segments != null && segments.length == c.size() + 1 ? segments.clone() : null;
      return new XmlElement(name, a, c, text, s);
    }
  }
}
