package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code <nvpair id name value/>} of a cluster_property_set, instance_attributes or meta_attributes.
 * A secret agent parameter — one {@link #secret() marked} so, or with a secret-looking name (password,
 * passwd, token, apikey, *key, auth, community, ...) — never shows in {@code toString()}; in a
 * {@link ClusterSpec} its value stays out of the CIB ({@code lrm://}) and the live {@code pcsPlan} stores
 * it with {@code cibsecret set}.
 */
@Value.Immutable
public abstract class NvPair {
  public abstract Optional<String> id();

  /** {@code id-ref} */
  public abstract Optional<String> idRef();

  public abstract Optional<String> name();

  public abstract Optional<String> value();

  /** The value is a secret whatever the name (not an XML attribute: a CIB read back has none marked). */
  @Value.Default @Value.Auxiliary public boolean secret() { return false; }

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A pair with an id. */
  public static NvPair of(String id, String name, String value) { return builder().id(id).name(name).value(value).build(); }

  /** A pair whose value is a secret (see {@link #secret()}). */
  public static NvPair secret(String id, String name, String value) { return builder().id(id).name(name).value(value).secret(true).build(); }

  /** The pair, its value shown as {@code ****} when it is a secret. */
  @Override public String toString() {
    String v = value().map(x -> io.kvmsdk.ha.internal.CibCodecs.isSecret(this) && !x.startsWith("lrm://") ? "****" : x).orElse(null);
    return "NvPair{" + id().map(i -> "id=" + i + ", ").orElse("") + idRef().map(i -> "id-ref=" + i + ", ").orElse("")
        + name().map(n -> "name=" + n).orElse("") + (v == null ? "" : ", value=" + v) + (secret() ? ", secret" : "") + "}";
  }

  public static class Builder extends ImmutableNvPair.Builder {}
}
