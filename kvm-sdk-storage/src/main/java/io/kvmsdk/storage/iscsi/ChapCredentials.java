package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.storage.internal.Names;
import org.immutables.value.Value;

/**
 * A CHAP user and its secret. The secret is passed to tgtadm, targetcli and libvirt for real but
 * never shows: {@code toString()}, plans, scripts and exception messages print {@code ****}.
 * The secret must be 12 to 16 printable ASCII characters without blanks: the limits tgt, LIO and
 * the common initiators (Windows, VMware) share; tgt's targets.conf splits on blanks. Neither the user
 * nor the secret may hold one of {@link #TGT_ADMIN_UNSAFE}: every {@link IscsiTarget} renders
 * tgt's targets.conf, which tgt-admin reads with Config::General ({@code #} starts a comment,
 * {@code \} escapes) and turns into tgtadm command lines it runs through {@code /bin/sh} (quotes,
 * {@code $ ` ; & | < > ( )} and, with a matching file or bash as sh, {@code * ? [ { }}): such a value would
 * reach tgtd whole from a tgtadm plan but cut, changed or run as a command from the file at boot.
 * The specs that hold credentials check them ({@link #check}) under their own field name.
 */
@Value.Immutable
public abstract class ChapCredentials {
  /** The shortest secret accepted. */
  public static final int MIN_SECRET = 12;
  /** The longest secret accepted. */
  public static final int MAX_SECRET = 16;
  /** The characters tgt-admin does not carry from targets.conf to tgtadm unchanged (Config::General, then {@code /bin/sh}). */
  public static final String TGT_ADMIN_UNSAFE = "\"#$&'()*;<>?[\\`{|}";
  private static final String WHY = "tgt-admin reads targets.conf with Config::General and runs tgtadm through /bin/sh, which would cut or change it";

  /** The CHAP user name. */
  public abstract String user();

  /** The CHAP secret (never printed). */
  @Value.Redacted public abstract String secret();

  /** A user and its secret, checked. */
  public static ChapCredentials of(String user, String secret) {
    ChapCredentials c = builder().user(user).secret(secret).build();
    c.check("chap");
    return c;
  }

  public static Builder builder() { return new Builder(); }

  /** Checks the user and the secret, naming {@code field} in the error; the secret's value is never in the message. */
  public void check(String field) {
    String u = user();
    if (u.isEmpty() || u.length() > 255 || u.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new InvalidSpecException(field + "/user", "must be 1-255 printable ASCII characters without blanks, got " + Names.quoted(u));
    }
    if (u.chars().anyMatch(c -> TGT_ADMIN_UNSAFE.indexOf(c) >= 0)) {
      throw new InvalidSpecException(field + "/user", "must not contain any of " + TGT_ADMIN_UNSAFE + " (" + WHY + "), got " + Names.quoted(u));
    }
    String s = secret();
    if (s.length() < MIN_SECRET || s.length() > MAX_SECRET) {
      throw new InvalidSpecException(field + "/secret", "must be " + MIN_SECRET + " to " + MAX_SECRET
          + " characters (tgt and LIO limits), got " + s.length() + " characters (the value is not shown)");
    }
    if (s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new InvalidSpecException(field + "/secret", "must be printable ASCII without blanks (the value is not shown)");
    }
    if (s.chars().anyMatch(c -> TGT_ADMIN_UNSAFE.indexOf(c) >= 0)) {
      throw new InvalidSpecException(field + "/secret", "must not contain any of " + TGT_ADMIN_UNSAFE + " (" + WHY + "; the value is not shown)");
    }
  }

  public static class Builder extends ImmutableChapCredentials.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("user", "chap/user", "secret", "chap/secret");
    // names the missing fields, never a value: the secret cannot show
    @Override public ChapCredentials build() { return REQUIRED.build(super::build); }
  }
}
