package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** One {@code <nvpair id name value/>} of a cluster_property_set, instance_attributes or meta_attributes. */
@Value.Immutable
public abstract class NvPair {
  public abstract Optional<String> id();

  /** {@code id-ref} */
  public abstract Optional<String> idRef();

  public abstract Optional<String> name();

  public abstract Optional<String> value();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A pair with an id. */
  public static NvPair of(String id, String name, String value) { return builder().id(id).name(name).value(value).build(); }

  public static class Builder extends ImmutableNvPair.Builder {}
}
