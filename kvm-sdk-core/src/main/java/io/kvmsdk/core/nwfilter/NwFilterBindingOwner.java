package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** The {@code <owner>} of a filter binding: the guest whose interface the filter is bound to. */
@Value.Immutable
public abstract class NwFilterBindingOwner {
  /** The guest's name (required by libvirt). */
  public abstract Optional<String> name();

  /** The guest's UUID (required by libvirt). */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The owner guest {@code name} with {@code uuid}. */
  public static NwFilterBindingOwner of(String name, String uuid) { return builder().name(name).uuid(uuid).build(); }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link NwFilterBindingOwner}. */
  public static class Builder extends ImmutableNwFilterBindingOwner.Builder {}
}
