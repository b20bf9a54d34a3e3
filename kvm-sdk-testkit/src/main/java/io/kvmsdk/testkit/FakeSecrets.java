package io.kvmsdk.testkit;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.spi.SecretDriver;
import io.kvmsdk.testkit.FakeHypervisorState.Secret;
import java.util.List;
import java.util.Optional;

/** The secrets of one fake host, as libvirt's secret driver keeps them: one secret per usage, a value that never comes back out. */
final class FakeSecrets implements SecretDriver {
  private final FakeHypervisor conn;
  private final FakeHypervisorState st;

  FakeSecrets(FakeHypervisor conn) {
    this.conn = conn;
    this.st = conn.st;
  }

  private static NotFoundException noSecret(String op, String uuid) {
    return new NotFoundException("secret", uuid, FakeHypervisor.libvirt(op, "VIR_ERR_NO_SECRET", 66, "VIR_FROM_SECRET", 36,
        "Secret not found: no secret with matching uuid '" + uuid + "'", false));
  }

  @Override public String define(String xml) {
    synchronized (st.lock) {
      String op = "define a secret";
      conn.enter(op, "defineSecret", null);
      SecretSpec spec = SecretSpec.fromXml(xml);
      String uuid = spec.uuid().orElseGet(() -> st.uuidFor("secret"));
      Optional<String> usage = spec.usageName();
      if (usage.isPresent()) {
        for (Secret other : st.secrets.values()) {
          if (other.uuid.equals(uuid)) continue;
          SecretSpec o = SecretSpec.fromXml(other.xml);
          if (o.usageType().equals(spec.usageType()) && o.usageName().equals(usage)) {
            throw FakeHypervisor.libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_SECRET", 36,
                "internal error: a secret with UUID " + other.uuid + " already defined for use with " + usage.get(), false);
          }
        }
      }
      String stored = spec.uuid().isPresent() ? xml : spec.copy(b -> b.uuid(uuid)).toXml();
      Secret s = st.secrets.get(uuid);
      if (s == null) st.secrets.put(uuid, new Secret(uuid, stored)); else s.xml = stored;
      conn.replied(op);
      return uuid;
    }
  }

  @Override public List<String> list() {
    synchronized (st.lock) {
      conn.enter("list secrets", "listSecrets", null);
      return List.copyOf(st.secrets.keySet());
    }
  }

  @Override public Optional<String> xml(String uuid) {
    synchronized (st.lock) {
      conn.enter("get secret '" + uuid + "'", "secretXml", uuid);
      Secret s = st.secrets.get(uuid);
      return s == null ? Optional.empty() : Optional.of(s.xml);
    }
  }

  @Override public void setValue(String uuid, byte[] value) {
    synchronized (st.lock) {
      String op = "set the value of secret '" + uuid + "'";
      conn.enter(op, "setSecretValue", uuid);
      Secret s = st.secrets.get(uuid);
      if (s == null) throw noSecret(op, uuid);
      s.value = value.clone();
      conn.replied(op);
    }
  }

  @Override public void undefine(String uuid) {
    synchronized (st.lock) {
      String op = "undefine secret '" + uuid + "'";
      conn.enter(op, "undefineSecret", uuid);
      if (st.secrets.remove(uuid) == null) throw noSecret(op, uuid);
      conn.replied(op);
    }
  }

  @Override public String toString() { return "FakeSecrets[" + conn.uri() + "]"; }
}
