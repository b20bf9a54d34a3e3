package io.kvmsdk.core.xml;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A whole XML document of one kind, mapped by the {@link ElementCodec} of its root element: the one
 * way a typed document is parsed (hardened: no DTDs or entities, bounded size and depth), rendered
 * (libvirt's layout, every value escaped) and asked what it keeps verbatim.
 *
 * <pre>{@code
 * static final XmlDocument<NetworkSpec> NETWORK = XmlDocument.of(NETWORK_CODEC);
 * NetworkSpec n = NETWORK.parse(xml);        // InvalidSpecException naming the field and the rule
 * String back = NETWORK.render(n);            // lossless: equal to xml up to layout
 * List<String> kept = NETWORK.unmodeledPaths(n);
 * }</pre>
 *
 * @param <T> the typed document
 */
public final class XmlDocument<T> {
  private final String rootName; // null until asked when the root is an ElementCodec (it may be lazy)
  private final Codec<T> root;

  private XmlDocument(String rootName, Codec<T> root) {
    this.rootName = rootName;
    this.root = root;
  }

  /** The document whose root element {@code root} maps; a {@link ElementCodec#lazy lazy} root stays unbuilt until used. */
  public static <T> XmlDocument<T> of(ElementCodec<T, ?> root) {
    return new XmlDocument<>(null, Objects.requireNonNull(root, "root"));
  }

  /** The document whose root element is {@code rootName}, mapped by {@code root}. */
  public static <T> XmlDocument<T> of(String rootName, Codec<T> root) {
    return new XmlDocument<>(Objects.requireNonNull(rootName, "rootName"), Objects.requireNonNull(root, "root"));
  }

  /** The root element's name ({@code network}, {@code pool}, {@code cib}, ...). */
  public String rootName() { return rootName != null ? rootName : ((ElementCodec<T, ?>) root).name(); }

  /** Parses {@code xml}; throws {@link InvalidSpecException} naming the field and the rule. */
  public T parse(String xml) {
    String rootName = rootName();
    if (root instanceof ElementCodec) return stream(xml, rootName, (ElementCodec<T, ?>) root);
    XmlElement e = XmlElement.read(xml, rootName);
    if (!e.name().equals(rootName)) {
      throw new InvalidSpecException(rootName, "root element must be <" + rootName + ">, got <" + e.name() + ">");
    }
    T v = root.read(e, XPath.root(rootName));
    if (v == null) throw new InvalidSpecException(rootName, "the document's root element cannot be read");
    return v;
  }

  /**
   * Reads straight from the parser into the builders, with no tree in between (only content kept
   * verbatim becomes one). Refuses what {@link XmlReader#parse} refuses, and a document that is not
   * well-formed is refused as such even when a field before the fault is wrong too.
   */
  private static <T> T stream(String xml, String rootName, ElementCodec<T, ?> codec) {
    XmlReader.Cursor in = XmlReader.open(xml, rootName);
    try {
      if (in.toRoot() == XmlSource.EOF) throw new InvalidSpecException(rootName, "XML has no root element");
      if (!in.name().equals(rootName)) {
        String got = in.name();
        in.drain();
        throw new InvalidSpecException(rootName, "root element must be <" + rootName + ">, got <" + got + ">");
      }
      T v = codec.readStream(in, XPath.root(rootName));
      in.drain();
      if (v == null) throw new InvalidSpecException(rootName, "the document's root element cannot be read");
      return v;
    } catch (InvalidSpecException e) {
      if (!in.failed()) in.drain(); // not well-formed further on: that is the error, as when parsing came first
      throw e;
    }
  }

  /** Reads an already parsed element tree (a fragment embedded in another document, say). */
  public T read(XmlElement e) { return root.read(e, XPath.root(rootName())); }

  /** The element tree of {@code value}. */
  public XmlElement tree(T value) { return root.write(value); }

  /** {@code value} as XML, pretty-printed one element per line as libvirt writes it. */
  public String render(T value) {
    if (root instanceof ElementCodec) return ((ElementCodec<T, ?>) root).render(value, false);
    return XmlWriter.write(root.write(value));
  }

  /** Like {@link #render} with secret values (passwords, keys, cookies) shown as {@code ****}. */
  public String renderRedacted(T value) {
    if (root instanceof ElementCodec) return ((ElementCodec<T, ?>) root).render(value, true);
    return XmlWriter.writeRedacted(root.write(value));
  }

  /** The paths {@code value} keeps verbatim because no typed field covers them; empty when fully typed. */
  public List<String> unmodeledPaths(T value) {
    List<String> out = new ArrayList<>();
    root.unmodeled(value, rootName(), out);
    return List.copyOf(new LinkedHashSet<>(out));
  }

  @Override public String toString() { return "XmlDocument<" + rootName() + ">"; }
}
