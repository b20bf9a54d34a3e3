package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import org.immutables.value.Value;

/**
 * VRRPv2 authentication ({@code authentication { auth_type PASS|AH; auth_pass ... }}). The password
 * is a secret: {@code toString()} and every rendered-for-people text show {@code ****}. VRRPv3 has
 * no authentication.
 */
@Value.Immutable
public abstract class VrrpAuth {
  /** {@code auth_type}. */
  public enum Type { PASS, AH }

  public abstract Type type();

  /** {@code auth_pass}: at most 8 bytes in UTF-8 (keepalived truncates longer ones, with a warning). */
  @Value.Redacted public abstract String password();

  /** Simple password authentication. */
  public static VrrpAuth pass(String password) { return builder().type(Type.PASS).password(password).build(); }

  /** IPSEC-AH authentication. */
  public static VrrpAuth ah(String password) { return builder().type(Type.AH).password(password).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    String p = password();
    int bytes = p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (p.isEmpty() || bytes > 8) {
      throw new InvalidSpecException("authentication/auth_pass", "must be 1 to 8 bytes in UTF-8 (keepalived truncates longer ones), got " + bytes);
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '"' || c == '\\') {
        throw new InvalidSpecException("authentication/auth_pass", "must be printable, without blanks, '\"' or '\\' (the value is not shown)");
      }
    }
  }

  /** Builds a {@link VrrpAuth}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVrrpAuth.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("type", "authentication/auth_type", "password", "authentication/auth_pass");

    @Override public VrrpAuth build() { return REQUIRED.build(super::build); }
  }
}
