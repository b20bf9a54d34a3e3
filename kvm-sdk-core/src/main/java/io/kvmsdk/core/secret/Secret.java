package io.kvmsdk.core.secret;

import io.kvmsdk.core.spi.Hypervisor;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A handle to a defined libvirt secret, named by its UUID. The value can be set but is never read
 * back, logged, or put into an exception message by this SDK.
 */
public final class Secret {
  private final Hypervisor hypervisor;
  private final String uuid;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.secrets()}. */
  public Secret(Hypervisor hypervisor, String uuid) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.uuid = Objects.requireNonNull(uuid);
  }

  public String uuid() { return uuid; }

  /** The definition (usage, description, ephemeral/private flags); never the value. */
  public SecretSpec spec() {
    return SecretSpec.fromXml(hypervisor.secrets().xml(uuid).orElseThrow(() -> new io.kvmsdk.core.NotFoundException("secret", uuid)));
  }

  /** Sets the value (raw bytes: a Ceph key decoded from base64, a passphrase's bytes). */
  public Secret setValue(byte[] value) {
    hypervisor.secrets().setValue(uuid, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Sets the value from characters, sent as UTF-8; the intermediate bytes are wiped afterwards. */
  public Secret setValue(char[] value) {
    ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(Objects.requireNonNull(value, "value")));
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    try {
      hypervisor.secrets().setValue(uuid, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (bb.hasArray()) Arrays.fill(bb.array(), (byte) 0);
    }
    return this;
  }

  public void undefine() { hypervisor.secrets().undefine(uuid); }

  @Override public boolean equals(Object o) { return o instanceof Secret s && s.uuid.equals(uuid); }

  @Override public int hashCode() { return uuid.hashCode(); }

  /** {@code Secret[uuid]}; never the value. */
  @Override public String toString() { return "Secret[" + uuid + "]"; }
}
