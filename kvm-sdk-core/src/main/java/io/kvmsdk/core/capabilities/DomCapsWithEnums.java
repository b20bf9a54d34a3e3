package io.kvmsdk.core.capabilities;

import java.util.List;
import java.util.Optional;

/** A domain-capabilities element with a {@code supported} attribute and {@code <enum>} children, and lookups over them. */
public interface DomCapsWithEnums {
  /** The {@code supported} attribute as written. */
  Optional<Boolean> supported();

  /** The {@code <enum>} children, in document order. */
  List<DomCapsEnum> enums();

  /** Whether this is reported with {@code supported='yes'}. */
  default boolean isSupported() { return supported().orElse(false); }

  /** The enum named {@code name}, if reported. */
  default Optional<DomCapsEnum> enumNamed(String name) { return enums().stream().filter(e -> e.name().equals(name)).findFirst(); }

  /** The values of enum {@code name}; empty when the enum is absent or empty. */
  default List<String> enumValues(String name) { return enumNamed(name).map(DomCapsEnum::values).orElse(List.of()); }

  /** Whether enum {@code name} lists {@code value}. */
  default boolean offers(String name, String value) { return enumValues(name).contains(value); }
}
