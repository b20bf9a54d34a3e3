package io.kvmsdk.testkit;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.SecretDriver;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeHypervisorState.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static LibvirtException error(String op, String code, int number, String msg) {
    return FakeHypervisor.libvirt(op, code, number, "VIR_FROM_SECRET", 36, msg, false);
  }

  private static LibvirtException internal(String op, String msg) { return error(op, "VIR_ERR_INTERNAL_ERROR", 1, "internal error: " + msg); }

  private static LibvirtException xmlError(String op, String msg) { return error(op, "VIR_ERR_XML_ERROR", 27, "XML error: " + msg); }

  /** libvirt's usage types and the element carrying each one's key ({@code virSecretDefParseUsage}); none has no key. */
  private static final Map<String, String> USAGE_KEYS = Map.of("none", "", "volume", "volume", "ceph", "name", "iscsi", "target",
      "tls", "name", "vtpm", "name");
  /** What libvirt says when a usage's key is missing or empty. */
  private static final Map<String, String> USAGE_MISSING = Map.of("volume", "volume usage specified, but volume path is missing",
      "ceph", "Ceph usage specified, but name is missing", "iscsi", "iSCSI usage specified, but target is missing",
      "tls", "TLS usage specified, but name is missing", "vtpm", "vTPM usage specified, but name is missing");

  /** A definition as libvirt's secret_conf.c reads it: flags, UUID (null: none given), description, usage type and key. */
  record Def(boolean ephemeral, boolean isPrivate, String uuid, String description, String usageType, String usageId) {
    /** The definition as libvirt formats it ({@code virSecretDefFormat}): both flags, the UUID, then the rest. */
    String format(String id) {
      XmlElement.Builder b = XmlElement.builder("secret").attr("ephemeral", ephemeral ? "yes" : "no").attr("private", isPrivate ? "yes" : "no")
          .child(XmlElement.builder("uuid").text(id).build());
      if (description != null) b.child(XmlElement.builder("description").text(description).build());
      if (usageType != null && !usageType.equals("none")) {
        b.child(XmlElement.builder("usage").attr("type", usageType)
            .child(XmlElement.builder(USAGE_KEYS.get(usageType)).text(usageId).build()).build());
      }
      return b.build().toXml();
    }
  }

  /** {@code string(./NAME)}: the text of the first child named {@code name}, null when absent or empty (libvirt's virXPathString). */
  private static String xpathString(XmlElement e, String name) {
    if (e == null) return null;
    for (XmlElement c : e.children()) {
      if (c.name().equals(name)) return c.text() == null || c.text().isEmpty() ? null : c.text();
    }
    return null;
  }

  /** {@code virUUIDParse}: 32 hex digits, '-' or ' ' between bytes, blanks around; the canonical form, or null. */
  static String parseUuid(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    StringBuilder hex = new StringBuilder(32);
    while (hex.length() < 32) {
      if (i >= s.length()) return null;
      char c = s.charAt(i);
      if (c == '-' || c == ' ') {
        i++;
        continue;
      }
      if (i + 1 >= s.length() || Character.digit(c, 16) < 0 || c > 127 || Character.digit(s.charAt(i + 1), 16) < 0 || s.charAt(i + 1) > 127) return null;
      hex.append(s, i, i + 2);
      i += 2;
    }
    for (; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return null;
    String h = hex.toString().toLowerCase(Locale.ROOT);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
  }

  private static boolean yesNo(String op, XmlElement root, String attr) {
    String v = root.attr(attr);
    if (v == null || v.isEmpty() || v.equals("no")) return false;
    if (v.equals("yes")) return true;
    throw xmlError(op, "invalid value of '" + attr + "'");
  }

  /** Parses a {@code <secret>} as libvirt's {@code secretXMLParseNode} does, refusing what it refuses. */
  static Def parse(String op, String xml) {
    XmlElement root;
    try {
      root = XmlElement.parse(xml);
    } catch (RuntimeException e) {
      throw xmlError(op, "(definition_of_secret): " + e.getMessage());
    }
    if (!root.name().equals("secret")) throw xmlError(op, "unexpected root element <" + root.name() + ">, expecting <secret>");
    boolean ephemeral = yesNo(op, root, "ephemeral");
    boolean isPrivate = yesNo(op, root, "private");
    String uuid = xpathString(root, "uuid");
    if (uuid != null) {
      uuid = parseUuid(uuid);
      if (uuid == null) throw internal(op, "malformed uuid element");
    }
    String description = xpathString(root, "description");
    String type = null;
    String id = null;
    XmlElement usage = null;
    for (XmlElement c : root.children()) {
      if (c.name().equals("usage")) {
        usage = c;
        break;
      }
    }
    if (usage != null) {
      type = usage.attr("type") == null || usage.attr("type").isEmpty() ? null : usage.attr("type");
      if (type == null) throw xmlError(op, "unknown secret usage type");
      String key = USAGE_KEYS.get(type);
      if (key == null) throw error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: unknown secret usage type " + type);
      if (!key.isEmpty()) {
        id = xpathString(usage, key);
        if (id == null) throw internal(op, USAGE_MISSING.get(type));
      }
    }
    return new Def(ephemeral, isPrivate, uuid, description, type, id);
  }

  /**
   * Defines or redefines a secret as libvirt's {@code virSecretObjListAdd} does: a known UUID keeps its
   * usage key and, once private, stays private; a new UUID may not take a usage another secret has.
   * The stored definition is libvirt's format of it, both flags filled in.
   */
  @Override public String define(String xml) {
    synchronized (st.lock) {
      String op = "define a secret";
      conn.enter(op, "defineSecret", null);
      Def def = parse(op, xml);
      Secret same = def.uuid() == null ? null : st.secrets.get(def.uuid());
      if (same != null) {
        Def old = parse(op, same.xml);
        if (!java.util.Objects.equals(old.usageId(), def.usageId())) {
          throw internal(op, "a secret with UUID " + same.uuid + " is already defined for use with " + old.usageId());
        }
        if (old.isPrivate() && !def.isPrivate()) throw internal(op, "cannot change private flag on existing secret");
      } else if (def.usageType() != null && !def.usageType().equals("none")) {
        for (Secret other : st.secrets.values()) {
          Def o = parse(op, other.xml);
          if (def.usageType().equals(o.usageType()) && def.usageId().equals(o.usageId())) {
            throw internal(op, "a secret with UUID " + other.uuid + " already defined for use with " + def.usageId());
          }
        }
      }
      String uuid = def.uuid() != null ? def.uuid() : st.uuidFor("secret");
      String stored = def.format(uuid);
      if (same == null) st.secrets.put(uuid, new Secret(uuid, stored)); else same.xml = stored;
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
      if (s == null) throw noSecret(op, uuid);   // the libvirt port looks the secret up first
      // the remote protocol carries an empty value as NULL, which virSecretSetValue refuses
      if (value.length == 0) throw error(op, "VIR_ERR_INVALID_ARG", 8, "value in virSecretSetValue must not be NULL");
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
