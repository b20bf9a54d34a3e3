package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <numatune>}: which host NUMA nodes back guest memory. */
@Value.Immutable
public abstract class NumaTune {
  /** The {@code <memory>} child. */
  public abstract Optional<NumaTuneMemory> memory();
  /** The {@code <memnode>} children, in order. */
  public abstract List<NumaTuneMemNode> memnodes();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> MODES = java.util.Set.of("strict", "preferred", "interleave", "restrictive");

  /** Guest memory strictly on host nodes {@code nodeset} (such as {@code 0-1}). */
  public static NumaTune strict(String nodeset) {
    return builder().memory(NumaTuneMemory.builder().mode("strict").nodeset(nodeset).build()).build();
  }

  /** Guest memory placed by numad ({@code placement='auto'}). */
  public static NumaTune auto() { return builder().memory(NumaTuneMemory.builder().placement("auto").build()).build(); }

  @Value.Check protected void check() {
    if (memory().isPresent()) {
      checkMode("memory/@mode", memory().get().mode());
      Optional<String> p = memory().get().placement();
      if (p.isPresent() && !p.get().equals("static") && !p.get().equals("auto")) {
        throw new InvalidSpecException("memory/@placement", "must be 'static' or 'auto', got '" + p.get() + "'");
      }
    }
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < memnodes().size(); i++) {
      Optional<Integer> id = memnodes().get(i).cellid();
      if (id.isPresent() && !seen.add(id.get())) {
        throw new InvalidSpecException("memnode[" + (i + 1) + "]/@cellid", "must be unique, got " + id.get() + " twice");
      }
    }
  }

  static void checkMode(String field, Optional<String> mode) {
    if (mode.isPresent() && !MODES.contains(mode.get())) {
      throw new InvalidSpecException(field, "must be one of strict, preferred, interleave, restrictive, got '" + mode.get() + "'");
    }
  }

  /** Derives a changed copy. */
  public NumaTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NumaTune}. */
  public static class Builder extends ImmutableNumaTune.Builder {}
}
