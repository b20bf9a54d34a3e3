package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.xml.XmlElement;

/** Small XML reading and building for the object cases (networks, pools, volumes, nwfilters), which travel as XML. */
final class ContractXml {
  private ContractXml() {}

  /** {@code <name a1='v1' ...>} with attributes given as name/value pairs and {@code children}. */
  static XmlElement el(String name, String[] attrs, XmlElement... children) {
    XmlElement.Builder b = XmlElement.builder(name);
    for (int i = 0; i + 1 < attrs.length; i += 2) b.attr(attrs[i], attrs[i + 1]);
    for (XmlElement c : children) b.child(c);
    return b.build();
  }

  /** {@code <name>children</name>} without attributes. */
  static XmlElement el(String name, XmlElement... children) { return el(name, new String[0], children); }

  /** Attribute pairs for {@link #el(String, String[], XmlElement...)}. */
  static String[] attrs(String... pairs) { return pairs; }

  /** {@code <name>text</name>}. */
  static XmlElement text(String name, String text) { return XmlElement.builder(name).text(text).build(); }

  /** The element at {@code path} (child names from the root) of {@code xml}, or null. */
  static XmlElement at(String xml, String... path) {
    XmlElement e = XmlElement.parse(xml);
    for (String p : path) {
      XmlElement next = null;
      for (XmlElement c : e.children()) {
        if (c.name().equals(p)) {
          next = c;
          break;
        }
      }
      if (next == null) return null;
      e = next;
    }
    return e;
  }

  /** The text of the element at {@code path}, or null. */
  static String textAt(String xml, String... path) {
    XmlElement e = at(xml, path);
    return e == null || e.text() == null ? null : e.text().trim();
  }

  /** Attribute {@code attr} of the element at {@code path}, or null. */
  static String attrAt(String xml, String attr, String... path) {
    XmlElement e = at(xml, path);
    return e == null ? null : e.attr(attr);
  }
}
