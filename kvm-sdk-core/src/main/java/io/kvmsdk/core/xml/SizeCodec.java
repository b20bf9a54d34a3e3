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

  @Override public Size read(XmlElement e, XPath path) {
    if (!e.children().isEmpty() || e.text() == null) return null;
    String unit = null;
    for (int i = 0; i < e.attrCount(); i++) {
      if (e.attrName(i).equals(unitAttr)) unit = e.attrValue(i);
      else return null; // attributes this codec does not type: keep verbatim
    }
    long v;
    try {
      v = ValueType.ULONG.parse(e.text().trim());
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
    out.content(name, Long.toString(s.value()));
    out.end(name, depth, true);
  }

  @Override public XmlElement write(Size s) {
    XmlElement.Builder b = XmlElement.builder(name);
    if (s.unitWritten()) b.attr(unitAttr, s.unit());
    return b.text(Long.toString(s.value())).build();
  }
}
