package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <launchSecurity>}: confidential guest technology (AMD SEV, s390 protected virtualisation). */
@Value.Immutable
public abstract class LaunchSecurity {
  /** {@code sev} or {@code s390-pv}. */
  public abstract Optional<String> type();
  /** The {@code kernelHashes} attribute. */
  public abstract Optional<Boolean> kernelHashes();
  /** The {@code <cbitpos>} child. */
  public abstract Optional<Integer> cbitpos();
  /** The {@code <reducedPhysBits>} child. */
  public abstract Optional<Integer> reducedPhysBits();
  /** The {@code <policy>} child. */
  public abstract Optional<Integer> policy();
  /** The {@code <handle>} child. */
  public abstract Optional<Integer> handle();
  /** The {@code <dhCert>} child. */
  public abstract Optional<String> dhCert();
  /** The {@code <session>} child. */
  public abstract Optional<String> session();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** AMD SEV with the C-bit position, reduced physical address bits and guest policy. */
  public static LaunchSecurity sev(int cbitpos, int reducedPhysBits, int policy) {
    return builder().type("sev").cbitpos(cbitpos).reducedPhysBits(reducedPhysBits).policy(policy).build();
  }

  /** s390 protected virtualisation. */
  public static LaunchSecurity s390pv() { return builder().type("s390-pv").build(); }

  @Value.Check protected void check() {
    if (type().isPresent() && !type().get().equals("sev") && !type().get().equals("s390-pv")) {
      throw new InvalidSpecException("@type", "must be 'sev' or 's390-pv', got '" + type().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public LaunchSecurity copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link LaunchSecurity}. */
  public static class Builder extends ImmutableLaunchSecurity.Builder {}
}
