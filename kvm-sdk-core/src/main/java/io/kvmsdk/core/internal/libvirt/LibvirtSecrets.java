package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.spi.SecretDriver;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.libvirt.Secret;

/** The {@link SecretDriver} on libvirt-java's {@code Secret}; a value never reaches a log or a message. */
final class LibvirtSecrets implements SecretDriver {
  private final LibvirtSession session;

  LibvirtSecrets(LibvirtSession session) { this.session = session; }

  @FunctionalInterface
  private interface SecretCall<T> {
    T apply(Secret s) throws org.libvirt.LibvirtException;
  }

  private <T> T onSecret(String op, String uuid, SecretCall<T> call) {
    return session.call(op + " secret '" + uuid + "'", "secret", uuid, c -> {
      Secret s = c.secretLookupByUUIDString(uuid);
      try {
        return call.apply(s);
      } finally {
        s.free();
      }
    });
  }

  @Override public String define(String xml) {
    return session.call("define a secret", "definition", "secret", c -> {
      Secret s = c.secretDefineXML(xml);
      try {
        return s.getUUIDString();
      } finally {
        s.free();
      }
    });
  }

  @Override public List<String> list() { return session.call("list secrets", "connection", session.uri(), c -> Arrays.asList(c.listSecrets())); }

  @Override public Optional<String> xml(String uuid) { return LibvirtSession.ifFound("secret", () -> onSecret("get the XML of", uuid, Secret::getXMLDesc)); }

  @Override public void setValue(String uuid, byte[] value) { onSecret("set the value of", uuid, s -> s.setValue(value)); }

  @Override public void undefine(String uuid) { onSecret("undefine", uuid, Secret::undefine); }

  @Override public String toString() { return "LibvirtSecrets[" + session.uri() + "]"; }
}
