package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <stp>} element of a rule: a spanning-tree BPDU's sender MAC and its fields; every
 * numeric field is a range start with an optional {@code -hi} end.
 */
@Value.Immutable
public abstract class StpMatch {
  /** {@code match='no'} negates every attribute (each -hi bound follows its start). */
  public abstract Optional<String> match();

  public abstract Optional<String> srcmacaddr();

  public abstract Optional<String> srcmacmask();

  /** BPDU type (UINT8). */
  public abstract Optional<String> type();

  /** BPDU flags (UINT8). */
  public abstract Optional<String> flags();

  /** {@code root-priority} (range start). */
  public abstract Optional<String> rootPriority();

  /** {@code root-priority-hi}. */
  public abstract Optional<String> rootPriorityHi();

  /** {@code root-address}. */
  public abstract Optional<String> rootAddress();

  /** {@code root-address-mask}. */
  public abstract Optional<String> rootAddressMask();

  /** {@code root-cost} (UINT32, range start). */
  public abstract Optional<String> rootCost();

  /** {@code root-cost-hi}. */
  public abstract Optional<String> rootCostHi();

  /** {@code sender-priority} (range start). */
  public abstract Optional<String> senderPriority();

  /** {@code sender-priority-hi}. */
  public abstract Optional<String> senderPriorityHi();

  /** {@code sender-address}. */
  public abstract Optional<String> senderAddress();

  /** {@code sender-address-mask}. */
  public abstract Optional<String> senderAddressMask();

  /** Port identifier (range start). */
  public abstract Optional<String> port();

  /** {@code port-hi}. */
  public abstract Optional<String> portHi();

  /** Message age timer (range start). */
  public abstract Optional<String> age();

  /** {@code age-hi}. */
  public abstract Optional<String> ageHi();

  /** {@code max-age} (range start). */
  public abstract Optional<String> maxAge();

  /** {@code max-age-hi}. */
  public abstract Optional<String> maxAgeHi();

  /** {@code hello-time} (range start). */
  public abstract Optional<String> helloTime();

  /** {@code hello-time-hi}. */
  public abstract Optional<String> helloTimeHi();

  /** {@code forward-delay} (range start). */
  public abstract Optional<String> forwardDelay();

  /** {@code forward-delay-hi}. */
  public abstract Optional<String> forwardDelayHi();

  /** Free text, at most 256 bytes. */
  public abstract Optional<String> comment();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public StpMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link StpMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableStpMatch.Builder {
    /** {@code match(false)} negates the element ({@code match='no'}). */
    public final Builder match(boolean matches) { return match(matches ? "yes" : "no"); }
  }
}
