package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <input>}: a mouse, keyboard, tablet, or a passed-through event device. */
@Value.Immutable
public abstract class Input {
  /** tablet, mouse, keyboard, passthrough or evdev. */
  public abstract Optional<String> type();

  /** ps2, usb, xen or virtio. */
  public abstract Optional<String> bus();

  /** virtio, virtio-transitional or virtio-non-transitional. */
  public abstract Optional<String> model();

  public abstract Optional<InputSource> source();

  public abstract Optional<InputDriver> driver();

  public abstract Optional<String> alias();

  /** {@code <acpi index='..'/>}. */
  public abstract Optional<Integer> acpiIndex();

  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Input copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** An input device of {@code type} on {@code bus}, such as {@code of("tablet", "usb")}. */
  public static Input of(String type, String bus) { return builder().type(type).bus(bus).build(); }

  /** A USB tablet (absolute pointer). */
  public static Input tablet() { return of("tablet", "usb"); }

  @Value.Check
  protected void check() {
    if (type().isEmpty()) throw new InvalidSpecException("@type", "is required (tablet, mouse, keyboard, passthrough, evdev)");
  }

  /** The element as libvirt XML, with secrets such as passwords masked. */
  @Override public String toString() {
    return io.kvmsdk.core.xml.XmlWriter.writeRedacted(io.kvmsdk.core.internal.domain.NicCodecs.INPUT.write(this));
  }

  /** Builds a {@link Input}. */
  public static class Builder extends ImmutableInput.Builder {}
}
