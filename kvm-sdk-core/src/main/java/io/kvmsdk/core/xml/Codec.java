package io.kvmsdk.core.xml;

import java.util.List;

/** Maps one XML element to a typed value and back. */
public interface Codec<T> {
  /** Reads {@code e}; returns null when this element cannot be typed and must be kept verbatim. */
  T read(XmlElement e, XPath path);

  /** Renders {@code value} as an element. */
  XmlElement write(T value);

  /** Adds the paths of what {@code value} keeps verbatim to {@code out}. */
  default void unmodeled(T value, String path, List<String> out) {}
}
