package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <backend>} of an RNG: a host character device (random), an EGD daemon (egd) or QEMU's builtin source. */
@Value.Immutable
public abstract class RngBackend {
  /** {@code random}, {@code egd} or {@code builtin}. */
  public abstract Optional<String> model();

  /** Character device type of an egd backend (tcp, udp, unix, pipe, ...). */
  public abstract Optional<String> type();

  /** Host device of a random backend, the element's text (e.g. {@code /dev/urandom}). */
  public abstract Optional<String> path();

  /** Where an egd backend connects ({@code <source>}). */
  public abstract List<CharDevSource> sources();

  /** Wire protocol of a tcp egd backend ({@code <protocol type='raw'/>}). */
  public abstract Optional<String> protocol();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <backend model='random'>path</backend>}. */
  public static RngBackend random(String path) { return builder().model("random").path(path).build(); }

  /** {@code <backend model='egd' type='...'>} with one source. */
  public static RngBackend egd(String type, CharDevSource source) { return builder().model("egd").type(type).addSource(source).build(); }

  @Value.Check protected void check() {
    if (model().orElse("").equals("egd")) {
      if (type().isEmpty()) throw new InvalidSpecException("@type", "is required for an egd backend");
      CharDevRules.checkSources(type().get(), sources(), false);
    }
  }

  /** Derives a changed copy; this value stays as it is. */
  public RngBackend copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link RngBackend}. */
  public static class Builder extends ImmutableRngBackend.Builder {}
}
