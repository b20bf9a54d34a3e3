package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A set of name/value pairs: {@code cluster_property_set}, {@code instance_attributes}, {@code meta_attributes}; a rule inside is kept verbatim. */
@Value.Immutable
public abstract class NvSet {
  public abstract Optional<String> id();

  /** {@code id-ref} */
  public abstract Optional<String> idRef();

  public abstract Optional<String> score();

  public abstract List<NvPair> nvpairs();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The value of {@code name}, if the set has it. */
  public Optional<String> value(String name) {
    return nvpairs().stream().filter(p -> p.name().equals(Optional.of(name))).findFirst().flatMap(NvPair::value);
  }

  /** A set {@code id} of these pairs, each pair's id {@code <id>-<name>} as pcs names them. */
  public static NvSet of(String id, java.util.Map<String, String> pairs) {
    Builder b = builder().id(id);
    pairs.forEach((k, v) -> b.addNvpair(NvPair.of(id + "-" + k, k, v)));
    return b.build();
  }

  /** A set {@code id} of these pairs and of these secret ones ({@link NvPair#secret}), ids as {@link #of(String, java.util.Map)} names them. */
  public static NvSet of(String id, java.util.Map<String, String> pairs, java.util.Map<String, String> secrets) {
    Builder b = builder().from(of(id, pairs));
    secrets.forEach((k, v) -> b.addNvpair(NvPair.secret(id + "-" + k, k, v)));
    return b.build();
  }

  public static class Builder extends ImmutableNvSet.Builder {}
}
