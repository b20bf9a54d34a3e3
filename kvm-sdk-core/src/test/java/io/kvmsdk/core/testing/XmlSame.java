package io.kvmsdk.core.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The team's rule for "the same XML" (lossless round trip): comments and blank text ignored,
 * attributes as a set, children compared per element name in order (different names may
 * interleave), integers compared by value ({@code 0x00} = {@code 0}), other values trimmed.
 */
public final class XmlSame {
  private XmlSame() {}

  /** null when equal, else the first difference. */
  public static String diff(String a, String b) {
    try {
      return diff(parse(a).getDocumentElement(), parse(b).getDocumentElement(), "");
    } catch (Exception e) {
      return "unparsable: " + e;
    }
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String key(Node n) {
    String ns = n.getNamespaceURI();
    String ln = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    return ns == null ? ln : "{" + ns + "}" + ln;
  }

  static boolean sameValue(String x, String y) {
    x = x.trim();
    y = y.trim();
    if (x.equals(y)) return true;
    Long a = num(x);
    Long b = num(y);
    return a != null && a.equals(b);
  }

  static Long num(String s) {
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, String> attrs(Element e) {
    Map<String, String> m = new TreeMap<>();
    NamedNodeMap nm = e.getAttributes();
    for (int i = 0; i < nm.getLength(); i++) {
      Node a = nm.item(i);
      if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) continue;
      m.put(key(a), a.getNodeValue());
    }
    return m;
  }

  static String text(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) sb.append(c.getNodeValue());
    }
    return sb.toString().trim();
  }

  static Map<String, List<Element>> children(Element e) {
    Map<String, List<Element>> m = new TreeMap<>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) m.computeIfAbsent(key(c), k -> new ArrayList<>()).add((Element) c);
    }
    return m;
  }

  static String diff(Element a, Element b, String path) {
    String p = path + "/" + key(a);
    if (!key(a).equals(key(b))) return p + ": element " + key(a) + " became " + key(b);
    Map<String, String> aa = attrs(a);
    Map<String, String> ba = attrs(b);
    for (var en : aa.entrySet()) {
      String v = ba.get(en.getKey());
      if (v == null) return p + "/@" + en.getKey() + ": lost (was '" + en.getValue() + "')";
      if (!sameValue(en.getValue(), v)) return p + "/@" + en.getKey() + ": '" + en.getValue() + "' became '" + v + "'";
    }
    for (var k : ba.keySet()) if (!aa.containsKey(k)) return p + "/@" + k + ": added '" + ba.get(k) + "'";
    if (!sameValue(text(a), text(b))) return p + ": text '" + text(a) + "' became '" + text(b) + "'";
    Map<String, List<Element>> ac = children(a);
    Map<String, List<Element>> bc = children(b);
    for (var en : ac.entrySet()) {
      List<Element> bl = bc.getOrDefault(en.getKey(), List.of());
      List<Element> al = en.getValue();
      if (al.size() != bl.size()) return p + "/" + en.getKey() + ": " + al.size() + " element(s) became " + bl.size();
      for (int i = 0; i < al.size(); i++) {
        String d = diff(al.get(i), bl.get(i), p + (al.size() > 1 ? "[" + i + "]" : ""));
        if (d != null) return d;
      }
    }
    for (var k : bc.keySet()) if (!ac.containsKey(k)) return p + "/" + k + ": added";
    return null;
  }
}
