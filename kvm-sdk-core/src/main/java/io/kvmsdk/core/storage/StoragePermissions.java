package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <permissions>} of a pool target, a volume target or a backing store: octal mode, numeric
 * owner and group, and the MAC (SELinux) label. The mode is kept as written ({@code 0744},
 * {@code 00}); {@link #modeBits()} reads it.
 *
 * <pre>{@code
 * StoragePermissions p = StoragePermissions.of(0711, 107, 107);   // <mode>0711</mode><owner>107</owner><group>107</group>
 * }</pre>
 */
@Value.Immutable
public abstract class StoragePermissions {
  /** {@code <mode>}: the octal permission bits as written. */
  public abstract Optional<String> mode();

  /** {@code <owner>}: numeric user ID ({@code -1} means unset, as older libvirt wrote). */
  public abstract Optional<Long> owner();

  /** {@code <group>}: numeric group ID ({@code -1} means unset). */
  public abstract Optional<Long> group();

  /** {@code <label>}: the MAC label, such as {@code virt_image_t}. */
  public abstract Optional<String> label();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The mode's permission bits, when the mode is a valid octal number. */
  public Optional<Integer> modeBits() {
    return mode().map(String::trim).filter(m -> m.matches("[0-7]{1,12}")).map(m -> Integer.parseInt(m, 8));
  }

  /** Mode {@code mode} (written in octal with a leading 0), owner and group. */
  public static StoragePermissions of(int mode, long owner, long group) {
    return builder().mode(octal(mode)).owner(owner).group(group).build();
  }

  /** Only the mode, written in octal with a leading 0. */
  public static StoragePermissions mode(int mode) { return builder().mode(octal(mode)).build(); }

  static String octal(int mode) { return String.format(Locale.ROOT, "0%o", mode); }

  /**
   * libvirt's parse rules for permissions (applied where libvirt reads them: volume targets, backing
   * stores with a path, and the targets of pools that have one): the mode is octal and at most 0777,
   * owner and group are IDs or -1.
   */
  void checkAsLibvirtParses(String path) {
    if (mode().isPresent() && (modeBits().isEmpty() || modeBits().get() > 0777)) {
      throw new InvalidSpecException(path + "/mode", "must be an octal mode of at most 0777, got '" + mode().get() + "'");
    }
    checkId(owner(), path + "/owner");
    checkId(group(), path + "/group");
  }

  private static void checkId(Optional<Long> id, String path) {
    if (id.isPresent() && (id.get() < -1 || id.get() > 0xffffffffL)) {
      throw new InvalidSpecException(path, "must be a numeric ID (0-4294967295) or -1, got " + id.get());
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public StoragePermissions copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link StoragePermissions}. */
  public static class Builder extends ImmutableStoragePermissions.Builder {}
}
