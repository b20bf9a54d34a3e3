package io.kvmsdk.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks the SDK's language when a spec's required (non-{@code Optional}) field is not set: the
 * builder's {@code build()} throws {@link InvalidSpecException} naming the field's XML path
 * ({@code domain/@type: is required}) instead of the Immutables generator's
 * "Cannot build DomainSpec, some of required attributes are not set [type]".
 *
 * <p>Use it in a spec's hand-declared builder, mapping each required accessor to its path (relative
 * to the spec's element, as in a {@code @Value.Check}; a parser prefixes the rest):
 *
 * <pre>{@code
 * public static class Builder extends ImmutableBridgeSpec.Builder {
 *   private static final RequiredFields REQUIRED = RequiredFields.of("name", "name", "stp", "stp/@enabled");
 *   @Override public BridgeSpec build() { return REQUIRED.build(super::build); }
 * }
 * }</pre>
 *
 * An accessor with no mapping is named by its Java name. {@code RequiredFieldsTest} checks every
 * spec of core: building an empty builder never leaks the generator's message.
 */
public final class RequiredFields {
  /** The generator's message, compiled only when a build fails (not when the first builder loads). */
  private static final class NotSet {
    static final Pattern PATTERN = Pattern.compile("Cannot build (\\w+), some of required attributes are not set \\[([^\\]]*)\\]");
  }

  private final Map<String, String> paths;

  private RequiredFields(Map<String, String> paths) { this.paths = paths; }

  /** Pairs of accessor name and XML path: {@code of("osType", "os_type", "arch", "arch")}. */
  public static RequiredFields of(String... accessorThenPath) {
    if (accessorThenPath.length % 2 != 0) throw new IllegalArgumentException("pairs of accessor and path expected");
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < accessorThenPath.length; i += 2) m.put(accessorThenPath[i], accessorThenPath[i + 1]);
    return new RequiredFields(Map.copyOf(m));
  }

  /** The XML path of {@code accessor} (its Java name when unmapped). */
  public String path(String accessor) { return paths.getOrDefault(accessor, accessor); }

  /**
   * Runs the generated {@code build()}; a missing required field becomes an {@link InvalidSpecException}
   * on its path, rule {@code is required} (naming the others when more than one is missing).
   */
  public <T> T build(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      throw refusal(e);
    }
  }

  /**
   * What {@link #build} throws for the generated builder's {@code e}: the typed refusal when {@code e}
   * says required fields are not set, else {@code e} itself. For a builder on a hot path that calls
   * the generated {@code build()} in its own try/catch (no capturing lambda to link on a first call).
   */
  public RuntimeException refusal(IllegalStateException e) {
    Matcher m = NotSet.PATTERN.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) return e;
    List<String> missing = new ArrayList<>();
    for (String a : m.group(2).split(",")) {
      if (!a.isBlank()) missing.add(path(a.strip()));
    }
    if (missing.isEmpty()) return e;
    String rule = missing.size() == 1 ? "is required"
        : "is required (and so " + (missing.size() == 2 ? "is " : "are ") + String.join(", ", missing.subList(1, missing.size())) + ")";
    return new InvalidSpecException(missing.get(0), rule);
  }
}
