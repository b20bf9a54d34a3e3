package io.kvmsdk.core.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an element of a parsed document carried that no typed field covers yet: attributes and
 * child elements, kept verbatim and re-emitted on render so nothing is ever dropped. Each kept
 * child remembers the name of the sibling it followed, so it goes back where it was.
 */
public final class Unmodeled {
  /** Nothing unmodeled. */
  public static final Unmodeled NONE = new Unmodeled(List.of(), List.of());

  /** An attribute kept verbatim. */
  public record Attribute(String name, String value) {}

  /** A child element kept verbatim; {@code after} is the name of the sibling it followed, or null. */
  public record Element(String after, XmlElement element) {}

  private final List<Attribute> attributes;
  private final List<Element> elements;

  private Unmodeled(List<Attribute> attributes, List<Element> elements) {
    this.attributes = attributes;
    this.elements = elements;
  }

  public static Unmodeled of(List<Attribute> attributes, List<Element> elements) {
    if (attributes.isEmpty() && elements.isEmpty()) return NONE;
    return new Unmodeled(List.copyOf(attributes), List.copyOf(elements));
  }

  public List<Attribute> attributes() { return attributes; }

  public List<Element> elements() { return elements; }

  public boolean isEmpty() { return attributes.isEmpty() && elements.isEmpty(); }

  /** Adds the paths of what is kept here, below {@code base}, to {@code out}. */
  public void paths(String base, List<String> out) {
    for (Attribute a : attributes) out.add(base + "/@" + a.name());
    for (Element e : elements) out.add(base + "/" + e.element().name());
  }

  /** The paths of what is kept here, below {@code base}. */
  public List<String> paths(String base) {
    List<String> out = new ArrayList<>();
    paths(base, out);
    return out;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Unmodeled && attributes.equals(((Unmodeled) o).attributes)
        && elements.equals(((Unmodeled) o).elements);
  }

  @Override public int hashCode() { return Objects.hash(attributes, elements); }

  @Override public String toString() { return isEmpty() ? "Unmodeled{}" : "Unmodeled" + paths(""); }
}
