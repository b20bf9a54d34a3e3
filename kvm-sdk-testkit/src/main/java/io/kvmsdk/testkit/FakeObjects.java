package io.kvmsdk.testkit;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the fake's networks, storage pools, volumes and nwfilters share: libvirt's errors (each
 * with the error domain of the driver that raises it) and small edits of parsed definitions.
 */
final class FakeObjects {
  private FakeObjects() {}

  /** The driver an object belongs to: its libvirt error domain, name and number. */
  record Driver(String from, int fromNumber) {
    static final Driver NETWORK = new Driver("VIR_FROM_NETWORK", 19);
    static final Driver STORAGE = new Driver("VIR_FROM_STORAGE", 18);
    static final Driver NWFILTER = new Driver("VIR_FROM_NWFILTER", 33);
    /** libvirt's XML helpers ({@code virXMLCheckIllegalChars}) report from the XML domain. */
    static final Driver XML = new Driver("VIR_FROM_XML", 5);
    /** libvirt's file utilities report from no driver ({@code virDirOpen}'s "cannot open directory"). */
    static final Driver NONE = new Driver("VIR_FROM_NONE", 0);

    LibvirtException error(String op, String code, int number, String msg) {
      return new LibvirtException(op, code, number, from, fromNumber, msg, false, null);
    }

    /** {@code VIR_ERR_OPERATION_INVALID}: "Requested operation is not valid: MSG". */
    LibvirtException invalid(String op, String msg) {
      return error(op, "VIR_ERR_OPERATION_INVALID", 55, "Requested operation is not valid: " + msg);
    }

    /** {@code VIR_ERR_OPERATION_FAILED}: "operation failed: MSG". */
    LibvirtException failed(String op, String msg) {
      return error(op, "VIR_ERR_OPERATION_FAILED", 9, "operation failed: " + msg);
    }

    /** {@code VIR_ERR_INTERNAL_ERROR}: "internal error: MSG". */
    LibvirtException internal(String op, String msg) {
      return error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: " + msg);
    }

    /** {@code VIR_ERR_CONFIG_UNSUPPORTED}: "unsupported configuration: MSG". */
    LibvirtException unsupported(String op, String msg) {
      return error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: " + msg);
    }

    /** {@code VIR_ERR_SYSTEM_ERROR}: an errno message such as "cannot open directory '/x': No such file or directory". */
    LibvirtException system(String op, String msg) {
      return error(op, "VIR_ERR_SYSTEM_ERROR", 38, msg);
    }

    /** {@code VIR_ERR_XML_ERROR}: "XML error: MSG". */
    LibvirtException xml(String op, String msg) {
      return error(op, "VIR_ERR_XML_ERROR", 27, "XML error: " + msg);
    }

    /** A missing object: {@link NotFoundException} of {@code kind} whose cause is libvirt's error. */
    NotFoundException notFound(String op, String kind, String name, String code, int number, String msg) {
      return new NotFoundException(kind, name, error(op, code, number, msg));
    }
  }

  /** Parses a definition whose root must be {@code root}, failing like libvirt's parser. */
  static XmlElement parse(Driver driver, String op, String xml, String root) {
    XmlElement e;
    try {
      e = XmlElement.parse(xml);
    } catch (RuntimeException ex) {
      throw driver.xml(op, "(" + root + "_definition): " + ex.getMessage());
    }
    if (!e.name().equals(root)) {
      throw driver.xml(op, "unexpected root element <" + e.name() + ">, expecting <" + root + ">");
    }
    return e;
  }

  /** The first child named {@code name}, or null. */
  static XmlElement child(XmlElement e, String name) {
    if (e == null) return null;
    for (XmlElement c : e.children()) if (c.name().equals(name)) return c;
    return null;
  }

  /** The text of the first child named {@code name}, trimmed, or null. */
  static String childText(XmlElement e, String name) {
    XmlElement c = child(e, name);
    return c == null || c.text() == null ? null : c.text().trim();
  }

  /** The {@code <uuid>} child in libvirt's lower-case form, or null when absent; a malformed one fails like libvirt. */
  static String uuidOf(Driver driver, String op, XmlElement e) {
    String u = childText(e, "uuid");
    if (u == null) return null;
    String canonical = parseUuid(u);
    if (canonical == null) throw driver.xml(op, "malformed uuid element");
    return canonical;
  }

  /**
   * {@code virUUIDParse}: 32 hex digits in pairs, with '-' or ' ' anywhere between the pairs and blanks
   * around them; the UUID in its dashed lower-case form, or null when malformed.
   */
  static String parseUuid(String u) {
    String t = u.strip();
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < t.length() && hex.length() < 32; ) {
      char c = t.charAt(i);
      if (c == '-' || c == ' ') {
        i++;
        continue;
      }
      if (i + 1 >= t.length() || Character.digit(c, 16) < 0 || Character.digit(t.charAt(i + 1), 16) < 0) return null;
      hex.append(c).append(t.charAt(i + 1));
      i += 2;
      if (hex.length() == 32 && i < t.length()) return null;
    }
    if (hex.length() != 32) return null;
    String h = hex.toString().toLowerCase(java.util.Locale.ROOT);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
  }

  /** {@code e} with attribute {@code name} set to {@code value} (replaced in place, or appended). */
  static XmlElement withAttr(XmlElement e, String name, String value) {
    XmlElement.Builder b = XmlElement.builder(e.name());
    boolean done = false;
    for (int i = 0; i < e.attrCount(); i++) {
      if (e.attrName(i).equals(name)) {
        b.attr(name, value);
        done = true;
      } else {
        b.attr(e.attrName(i), e.attrValue(i));
      }
    }
    if (!done) b.attr(name, value);
    for (XmlElement c : e.children()) b.child(c);
    return b.text(e.text()).build();
  }

  /** {@code e} with attribute {@code name} set to {@code value} unless it has one. */
  static XmlElement withDefaultAttr(XmlElement e, String name, String value) {
    return e.attr(name) != null ? e : withAttr(e, name, value);
  }

  /** {@code e} with its children replaced. */
  static XmlElement withChildren(XmlElement e, List<XmlElement> children) {
    XmlElement.Builder b = XmlElement.builder(e.name());
    for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
    for (XmlElement c : children) b.child(c);
    return b.text(e.text()).build();
  }

  /**
   * Puts {@code c} into {@code kids}: in place of the first child of the same name, else right after
   * the last child named one of {@code after} (the first name present wins), else first.
   */
  static void put(List<XmlElement> kids, XmlElement c, String... after) {
    for (int i = 0; i < kids.size(); i++) {
      if (kids.get(i).name().equals(c.name())) {
        kids.set(i, c);
        return;
      }
    }
    for (String a : after) {
      for (int i = kids.size() - 1; i >= 0; i--) {
        if (kids.get(i).name().equals(a)) {
          kids.add(i + 1, c);
          return;
        }
      }
    }
    kids.add(0, c);
  }

  /** A text element {@code <name>text</name>}. */
  static XmlElement textElement(String name, String text) { return XmlElement.builder(name).text(text).build(); }

  /** A size element as libvirt writes it back: {@code <name unit='bytes'>n</name>}. */
  static XmlElement bytesElement(String name, long bytes) {
    return XmlElement.builder(name).attr("unit", "bytes").text(Long.toString(bytes)).build();
  }

  /** A deterministic UUID for a new object of {@code kind} on {@code host}. */
  static String uuid(String host, String kind, String name, long seq) {
    return UUID.nameUUIDFromBytes((host + "/" + kind + "/" + name + "/" + seq).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static List<XmlElement> kids(XmlElement e) { return new ArrayList<>(e.children()); }
}
