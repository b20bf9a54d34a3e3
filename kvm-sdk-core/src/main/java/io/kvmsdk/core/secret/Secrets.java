package io.kvmsdk.core.secret;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The libvirt secrets of one connection. Obtained from {@code Kvm.secrets()}. */
public final class Secrets {
  private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.secrets()}. */
  public Secrets(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** Defines a secret (no value yet: set it with {@link Secret#setValue(byte[])}). */
  public Secret define(SecretSpec spec) { return new Secret(hypervisor, hypervisor.secrets().define(spec.toXml())); }

  public List<Secret> list() { return hypervisor.secrets().list().stream().map(u -> new Secret(hypervisor, u)).toList(); }

  /**
   * The secret with this UUID, or else the one whose usage ({@code <usage>}'s name, target or
   * volume: {@code client.admin}, {@code iqn...}, a volume path) is {@code uuidOrUsage}.
   */
  public Optional<Secret> find(String uuidOrUsage) {
    Objects.requireNonNull(uuidOrUsage, "uuidOrUsage");
    if (UUID.matcher(uuidOrUsage).matches()) {
      Optional<Secret> byUuid = hypervisor.secrets().xml(uuidOrUsage).map(x -> new Secret(hypervisor, SecretSpec.fromXml(x).uuid().orElse(uuidOrUsage)));
      if (byUuid.isPresent()) return byUuid;
    }
    for (String u : hypervisor.secrets().list()) {
      Optional<SecretSpec> spec = hypervisor.secrets().xml(u).map(SecretSpec::fromXml);
      if (spec.isPresent() && spec.get().usageName().filter(uuidOrUsage::equals).isPresent()) return Optional.of(new Secret(hypervisor, u));
    }
    return Optional.empty();
  }

  /** Like {@link #find(String)}; throws {@link NotFoundException} if there is none. */
  public Secret get(String uuidOrUsage) { return find(uuidOrUsage).orElseThrow(() -> new NotFoundException("secret", uuidOrUsage)); }
}
