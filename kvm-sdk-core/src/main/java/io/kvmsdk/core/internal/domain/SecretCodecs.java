package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The mapping of {@code <secret>}. */
public final class SecretCodecs {
  private SecretCodecs() {}

  /** The element under {@code <usage>} that carries the key, per usage type. */
  private static final Map<String, String> USAGE_KEY = Map.of(
      "ceph", "name", "tls", "name", "vtpm", "name", "iscsi", "target", "volume", "volume");

  /** {@code <usage type='ceph'><name>..</name></usage>}, flattened to type + key on the secret. */
  static final Codec<String[]> USAGE = new Codec<>() {
    @Override public String[] read(XmlElement e, XPath path) {
      String type = e.attr("type");
      if (type == null) return null;
      String key = USAGE_KEY.get(type);
      // an unknown type, or a known one without its key element: libvirt refuses both, and so does build()
      if (!type.equals("none") && (key == null || e.children().stream().noneMatch(c -> c.name().equals(key)))) return new String[] {type, null};
      if (e.attrCount() != 1 || e.text() != null || e.children().size() > 1) return null;
      if (e.children().isEmpty()) return new String[] {type, null};
      XmlElement k = e.children().get(0);
      if (!k.name().equals(USAGE_KEY.get(type)) || k.attrCount() > 0 || !k.children().isEmpty()) return null;
      return new String[] {type, k.text() == null ? "" : k.text()};
    }

    @Override public XmlElement write(String[] v) {
      XmlElement.Builder b = XmlElement.builder("usage").attr("type", v[0]);
      if (v[1] != null) b.child(XmlElement.builder(USAGE_KEY.getOrDefault(v[0], "name")).text(v[1].isEmpty() ? null : v[1]).build());
      return b.build();
    }
  };

  static final ElementCodec<SecretSpec, SecretSpec.Builder> SECRET =
      ElementCodec.lazy(() -> ElementCodec.of("secret", SecretSpec.Builder::new, SecretSpec.Builder::build, SecretSpec::unmodeled, SecretSpec.Builder::unmodeled)
        .attr("ephemeral", ValueType.YES_NO, SecretSpec::ephemeral, SecretSpec.Builder::ephemeral)
        .attr("private", ValueType.YES_NO, SecretSpec::private_, SecretSpec.Builder::private_)
        .textChild("uuid", SecretSpec::uuid, SecretSpec.Builder::uuid)
        .textChild("description", SecretSpec::description, SecretSpec.Builder::description)
        .child("usage", USAGE,
            s -> s.usageType().map(t -> new String[] {t, s.usageName().orElse(null)}),
            (b, v) -> { b.usageType(v.get()[0]); b.usageName(java.util.Optional.ofNullable(v.get()[1])); }));

  public static SecretSpec parse(String xml) { return XmlDocument.of(SECRET).parse(xml); }

  public static String render(SecretSpec s) { return XmlWriter.write(SECRET.write(s)); }

  /** {@link #render} with secret values shown as {@code ****}. */
  public static String renderRedacted(SecretSpec s) { return XmlWriter.writeRedacted(SECRET.write(s)); }

  public static List<String> unmodeledPaths(SecretSpec s) {
    List<String> out = new ArrayList<>();
    SECRET.unmodeled(s, "secret", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
