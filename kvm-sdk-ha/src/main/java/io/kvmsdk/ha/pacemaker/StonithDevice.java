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
 * shows in {@code toString()}, the CIB, logs or messages. Other secret-looking parameters are refused:
 * give them as {@link #password()}.
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
    String at = "primitive " + id();
    if (!agent().matches("[A-Za-z0-9_.-]+")) throw new InvalidSpecException(at + "/type", "must be a fence agent name, got '" + agent() + "'");
    for (String k : params().keySet()) {
      if (!k.matches("[A-Za-z0-9_-]+")) throw new InvalidSpecException(at + "/" + k, "a parameter name is letters, digits, '_' and '-'");
      if (CibCodecs.isSecretParam(k)) {
        throw new InvalidSpecException(at + "/" + k, "is a secret: give it with password(...) (with passwordParam(\"" + k + "\")) so it stays out of the CIB");
      }
    }
    if (!passwordParam().matches("[A-Za-z0-9_-]+")) throw new InvalidSpecException(at + "/passwordParam", "must be a parameter name");
    password().ifPresent(p -> {
      if (p.isEmpty() || p.indexOf('\n') >= 0 || p.indexOf('\0') >= 0) throw new InvalidSpecException(at + "/" + passwordParam(), "must be a non-empty line (the value is not shown)");
    });
  }

  /** The primitive: the password parameter is {@code lrm://}. */
  public Primitive toPrimitive() {
    Map<String, String> p = new LinkedHashMap<>(params());
    if (password().isPresent()) p.put(passwordParam(), "lrm://");
    return Primitive.builder().id(id()).resourceClass("stonith").type(agent())
        .addInstanceAttribute(NvSet.of(id() + "-instance_attributes", p))
        .operations(Operations.builder().addOp(Ops.op(id(), "monitor", monitorInterval(), Duration.ofSeconds(20), null)).build())
        .build();
  }

  public static class Builder extends ImmutableStonithDevice.Builder {}
}
