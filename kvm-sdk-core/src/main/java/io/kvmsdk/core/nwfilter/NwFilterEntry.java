package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.NicFilterRef;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a filter, in the order written: a {@code <rule>} or a {@code <filterref>} to another
 * filter (libvirt keeps them interleaved, and the order decides among rules of equal priority).
 * Exactly one of {@link #rule()} and {@link #filterref()} is present.
 */
@Value.Immutable
public abstract class NwFilterEntry {
  public abstract Optional<NwFilterRule> rule();

  /** A reference to another filter, with the variables passed to it ({@code <filterref filter='..'>}). */
  public abstract Optional<NicFilterRef> filterref();

  /** An entry holding {@code rule}. */
  public static NwFilterEntry of(NwFilterRule rule) { return new Builder().rule(rule).build(); }

  /** An entry holding {@code ref}. */
  public static NwFilterEntry of(NicFilterRef ref) { return new Builder().filterref(ref).build(); }

  /** The element name this entry is written as. */
  public String elementName() { return rule().isPresent() ? "rule" : "filterref"; }

  @Value.Check protected void check() {
    if (rule().isPresent() == filterref().isPresent()) {
      throw new InvalidSpecException("entry", "holds exactly one of a rule and a filterref");
    }
  }

  /** Builds a {@link NwFilterEntry}. */
  public static class Builder extends ImmutableNwFilterEntry.Builder {}
}
