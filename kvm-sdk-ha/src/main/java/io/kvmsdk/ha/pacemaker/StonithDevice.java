package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.CibCodecs;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A fencing device ({@code stonith:fence_virsh}, {@code stonith:fence_xvm}, ...). Its password is a
 * secret: the CIB gets {@code lrm://} in its place (Pacemaker's {@code cibsecret} keeps the value
 * in a root-only file on each node) and the live plan sets it with {@code cibsecret set}; it never
 * shows in {@code toString()}, the CIB, logs or messages. Other secrets ({@code apikey}, {@code token},
 * {@code secret_key}, ...) go in {@link #secretParams()}, kept out the same way; a secret-looking name in
 * {@link #params()} is refused.
 */
@Value.Immutable
public abstract class StonithDevice {
  public abstract String id();

  /** The fence agent, e.g. {@code fence_virsh}. */
  public abstract String agent();

  /** The agent's parameters (no secrets here). */
  public abstract Map<String, String> params();

  /** The password, kept out of the CIB. */
  @Value.Redacted public abstract Optional<String> password();

  /** Further secret parameters (fence_ibm_vpc's {@code apikey}, fence_ibm_powervs's {@code token}, ...), kept out of the CIB like the password. */
  @Value.Redacted public abstract Map<String, String> secretParams();

  /** The parameter the password is for (default {@code password}). */
  @Value.Default public String passwordParam() { return "password"; }

  @Value.Default public Duration monitorInterval() { return Duration.ofSeconds(60); }

  public static Builder builder() { return new Builder(); }

  /** {@code fence_virsh}: fences guests-as-nodes (or test nodes) through virsh over ssh. */
  public static Builder fenceVirsh(String id, String host, String login) {
    return builder().id(id).agent("fence_virsh").putParam("ip", host).putParam("username", login);
  }

  /** {@code fence_xvm}: fences guests through fence_virtd on their hosts (multicast, a shared key file). */
  public static Builder fenceXvm(String id, String keyFile) {
    return builder().id(id).agent("fence_xvm").putParam("key_file", keyFile);
  }

  @Value.Check protected void check() {
    Names.xmlId("primitive", id());
    Ops.positive("primitive " + id() + "/op monitor/interval", monitorInterval());
    String at = "primitive " + id();
    if (!agent().matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
      throw new InvalidSpecException(at + "/type", "must be a fence agent name (letters, digits, '_', '.', '-', not starting with '-'), got '" + agent() + "'");
    }
    for (String k : params().keySet()) {
      paramName(at + "/" + k, k);
      if (CibCodecs.isSecretParam(k)) {
        throw new InvalidSpecException(at + "/" + k, "is a secret: give it with putSecretParam(\"" + k + "\", ...) (or password(...)) so it stays out of the CIB");
      }
    }
    paramName(at + "/passwordParam", passwordParam());
    password().ifPresent(p -> secretValue(at + "/" + passwordParam(), p));
    for (Map.Entry<String, String> e : secretParams().entrySet()) {
      paramName(at + "/" + e.getKey(), e.getKey());
      if (params().containsKey(e.getKey()) || (password().isPresent() && passwordParam().equals(e.getKey()))) {
        throw new InvalidSpecException(at + "/" + e.getKey(), "is given twice (as a secret and as a parameter or the password)");
      }
      secretValue(at + "/" + e.getKey(), e.getValue());
    }
  }

  private static void paramName(String field, String k) {
    if (!k.matches("[A-Za-z0-9_][A-Za-z0-9_-]*")) throw new InvalidSpecException(field, "a parameter name is letters, digits, '_' and '-' (not starting with '-')");
  }

  private static void secretValue(String field, String v) {
    if (v.isEmpty() || v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0) throw new InvalidSpecException(field, "must be a non-empty line (the value is not shown)");
  }

  /** Every secret parameter, name to value: the password's first. */
  public Map<String, String> allSecrets() {
    Map<String, String> out = new LinkedHashMap<>();
    password().ifPresent(p -> out.put(passwordParam(), p));
    out.putAll(secretParams());
    return out;
  }

  /** The primitive: the password and the secret parameters are {@code lrm://}. */
  public Primitive toPrimitive() {
    Map<String, String> p = new LinkedHashMap<>(params());
    allSecrets().keySet().forEach(k -> p.put(k, "lrm://"));
    return Primitive.builder().id(id()).resourceClass("stonith").type(agent())
        .addInstanceAttribute(NvSet.of(id() + "-instance_attributes", p))
        .operations(Operations.builder().addOp(Ops.op(id(), "monitor", monitorInterval(), Duration.ofSeconds(20), null)).build())
        .build();
  }

  /** Builds a {@link StonithDevice}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableStonithDevice.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "primitive/@id", "agent", "primitive/@type");

    @Override public StonithDevice build() { return REQUIRED.build(super::build); }
  }
}
