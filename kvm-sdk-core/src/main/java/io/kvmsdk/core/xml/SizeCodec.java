package io.kvmsdk.core.xml;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;

/** {@code <memory unit='KiB'>1048576</memory>}: a {@link Size} in text plus a {@code unit} attribute. */
public final class SizeCodec implements Codec<Size> {
  private final String name;
  private final String unitAttr;
  private final String defaultUnit;

  /** libvirt's default unit, when {@code unit} is absent, is KiB for memory and bytes for storage. */
  public SizeCodec(String name, String unitAttr, String defaultUnit) {
    this.name = name;
    this.unitAttr = unitAttr;
    this.defaultUnit = defaultUnit;
  }

  public static SizeCodec memory(String name) { return new SizeCodec(name, "unit", "KiB"); }

  public static SizeCodec storage(String name) { return new SizeCodec(name, "unit", "bytes"); }

  @Override public Size read(XmlElement e, XPath path) { return readFrom(new XmlSource.Tree(e), path); }

  Size readFrom(XmlSource in, XPath path) {
    String unit = null;
    for (int i = 0; i < in.attrCount(); i++) {
      if (in.attrName(i).equals(unitAttr)) unit = in.attrValue(i);
      else return in.keep(in.tree()); // attributes this codec does not type: keep verbatim
    }
    long mark = in.mark();
    String text = ElementCodec.textOnly(in);
    if (text == null) return null; // children: kept verbatim
    if (text.isEmpty()) return in.keep(in.treeAt(mark)); // no text
    long v;
    try {
      v = ValueType.ULONG.parse(text.trim());
    } catch (IllegalArgumentException x) {
      throw new InvalidSpecException(path.toString(), x.getMessage(), x);
    }
    if (unit == null) return Size.withoutUnit(v, defaultUnit);
    if (!Size.isUnit(unit)) throw new InvalidSpecException(path.attr(unitAttr), "must be a libvirt unit (KiB, MiB, GiB, b, ...), got '" + unit + "'");
    return Size.of(v, unit);
  }

  /** The element name this codec stands for. */
  public String name() { return name; }

  void writeTo(Size s, XmlOut out, int depth) {
    out.start(name, depth);
    if (s.unitWritten()) out.attr(unitAttr, s.unit());
    out.content(name, Long.toString(s.value()), depth);
    out.end(name, depth, true);
  }

  @Override public XmlElement write(Size s) {
    XmlElement.Builder b = XmlElement.builder(name);
    if (s.unitWritten()) b.attr(unitAttr, s.unit());
    return b.text(Long.toString(s.value())).build();
  }
}
