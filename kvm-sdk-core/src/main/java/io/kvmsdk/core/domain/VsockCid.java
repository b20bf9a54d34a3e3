package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <cid auto='yes|no' address='N'/>}: the context ID of a vsock device. */
@Value.Immutable
public abstract class VsockCid {
  /** Let libvirt assign a free CID on start ({@code auto='yes|no'}). */
  public abstract Optional<Boolean> auto();

  /** The CID (3 or more; 0-2 are reserved). */
  public abstract Optional<Long> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    address().ifPresent(a -> {
      if (a < 3 || a > 0xffffffffL) throw new InvalidSpecException("@address", "must be a CID between 3 and 4294967295 (0-2 are reserved), got " + a);
    });
  }

  /** Derives a changed copy; this value stays as it is. */
  public VsockCid copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VsockCid}. */
  public static class Builder extends ImmutableVsockCid.Builder {}
}
