package io.kvmsdk.core.xml;


/** An element whose content is free-form by design (such as {@code <metadata>}): kept as XML. */
public final class RawCodec implements Codec<XmlElement> {
  private final String name;

  public RawCodec(String name) { this.name = name; }

  @Override public XmlElement read(XmlElement e, XPath path) { return e; }

  @Override public XmlElement write(XmlElement v) { return v; }

  /** The element name this codec stands for. */
  public String name() { return name; }
}
