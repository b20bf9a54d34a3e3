package io.kvmsdk.core.xml;


/** {@code <outer><inner>text</inner></outer>} as a string, such as a snapshot's {@code <parent><name>}. */
public final class WrappedTextCodec implements Codec<String> {
  private final String outer;
  private final String inner;

  public WrappedTextCodec(String outer, String inner) {
    this.outer = outer;
    this.inner = inner;
  }

  @Override public String read(XmlElement e, XPath path) {
    if (e.attrCount() > 0 || e.text() != null || e.children().size() != 1) return null;
    XmlElement c = e.children().get(0);
    if (!c.name().equals(inner) || c.attrCount() > 0 || !c.children().isEmpty()) return null;
    return c.text() == null ? "" : c.text();
  }

  @Override public XmlElement write(String v) {
    return XmlElement.builder(outer).child(XmlElement.builder(inner).text(v.isEmpty() ? null : v).build()).build();
  }
}
