package io.kvmsdk.core.xml;

/** The path of the element being read, built into a string only when an error names it. */
public final class XPath {
  private final XPath parent;
  private final String name;
  private final int index; // 1-based position among same-name siblings in a list; 0 when single

  private XPath(XPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  public static XPath root(String name) { return new XPath(null, name, 0); }

  public XPath child(String n) { return new XPath(this, n, 0); }

  public XPath child(String n, int index) { return new XPath(this, n, index); }

  public String attr(String n) { return this + "/@" + n; }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent != null) {
      parent.append(sb);
      sb.append('/');
    }
    sb.append(name);
    if (index > 0) sb.append('[').append(index).append(']');
  }
}
