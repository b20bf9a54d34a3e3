package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <log file='...' append='on|off'/>}: a log file that records a character device's output. */
@Value.Immutable
public abstract class CharDevLog {
  /** Absolute path of the log file. */
  public abstract Optional<String> file();

  /** Whether the log keeps its content on restart ({@code append='on|off'}). */
  public abstract Optional<Boolean> append();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Logs to {@code file}. */
  public static CharDevLog of(String file) { return builder().file(file).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public CharDevLog copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CharDevLog}. */
  public static class Builder extends ImmutableCharDevLog.Builder {}
}
