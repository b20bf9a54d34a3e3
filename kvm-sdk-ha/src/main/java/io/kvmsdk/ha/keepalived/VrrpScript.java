package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code vrrp_script}: a health check keepalived runs every {@link #interval()} (a guest's
 * service, say); instances that track it go to FAULT when it fails, or change priority by its
 * weight. The command is an argv (keepalived runs it without a shell).
 *
 * <pre>{@code
 * VrrpScript web = VrrpScript.builder().name("chk_web")
 *     .addScript("/usr/bin/curl", "-fsS", "-m", "1", "http://192.0.2.10/health")
 *     .interval(Duration.ofSeconds(2)).weight(-60).fall(2).rise(2).build();
 * }</pre>
 */
@Value.Immutable
public abstract class VrrpScript {
  public abstract String name();

  /** The command: program (an absolute path) and arguments. */
  public abstract List<String> script();

  /** How often it runs, whole seconds 1..4294 (keepalived's default 1 s). */
  public abstract Optional<Duration> interval();

  /** How long it may run before it counts as failed, whole seconds 1..4294. */
  public abstract Optional<Duration> timeout();

  /** Priority change while failing (-253..253); 0 or none: FAULT. */
  public abstract Optional<Integer> weight();

  /** Successes before it counts as up. */
  public abstract Optional<Integer> rise();

  /** Failures before it counts as down. */
  public abstract Optional<Integer> fall();

  /** {@code USER [GROUP]} it runs as. */
  public abstract Optional<String> user();

  /** Statements of the block no typed field covers, kept verbatim. */
  public abstract List<KeepalivedStatement> unmodeled();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    String at = "vrrp_script " + name();
    Names.word("vrrp_script", name());
    if (script().isEmpty() || !script().get(0).startsWith("/")) {
      throw new InvalidSpecException(at + "/script", "must be an argv whose program is an absolute path, got " + script());
    }
    interval().ifPresent(d -> seconds(at + "/interval", d));
    timeout().ifPresent(d -> seconds(at + "/timeout", d));
    weight().ifPresent(w -> {
      if (w < -253 || w > 253) throw new InvalidSpecException(at + "/weight", "must be -253..253, got " + w);
    });
    rise().ifPresent(r -> { if (r < 1) throw new InvalidSpecException(at + "/rise", "must be at least 1, got " + r); });
    fall().ifPresent(r -> { if (r < 1) throw new InvalidSpecException(at + "/fall", "must be at least 1, got " + r); });
    user().ifPresent(u -> io.kvmsdk.ha.internal.KeepalivedCodec.userWords(u, at + "/user"));
    io.kvmsdk.ha.internal.KeepalivedText.command(script(), at + "/script");
  }

  /** keepalived reads a script's interval and timeout as whole seconds 1..4294 ("must be between 1 and 4294"). */
  static void seconds(String field, Duration d) {
    if (d.getNano() != 0 || d.getSeconds() < 1 || d.getSeconds() > Garp.MAX_DELAY) {
      throw new InvalidSpecException(field, "must be whole seconds 1..4294 (keepalived -t refuses the rest), got " + d);
    }
  }


  @Override public String toString() { return io.kvmsdk.ha.internal.KeepalivedCodec.render(this, false); }

  /** Builds a {@link VrrpScript}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVrrpScript.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "vrrp_script");

    @Override public VrrpScript build() { return REQUIRED.build(super::build); }
  }
}
