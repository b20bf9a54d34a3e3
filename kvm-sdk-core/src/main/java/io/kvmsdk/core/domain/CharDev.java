package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import java.util.List;
import java.util.Optional;

/** What the four character devices ({@link Serial}, {@link Console}, {@link Parallel}, {@link Channel}) share: a host side, a guest side, a log. */
public interface CharDev {
  /** How the device is connected on the host ({@code type}). */
  Optional<String> type();

  /** Host side ({@code <source>} elements). */
  List<CharDevSource> sources();

  /** The first {@code <source>}, the only one for every type but {@code udp}. */
  default Optional<CharDevSource> source() { return sources().isEmpty() ? Optional.empty() : Optional.of(sources().get(0)); }

  /** Wire protocol of a {@code tcp} device. */
  Optional<String> protocol();

  /** Log file of the device. */
  Optional<CharDevLog> log();

  /** Guest side ({@code <target>}). */
  Optional<CharDevTarget> target();

  /** Device alias. */
  Optional<String> alias();

  /** Guest-visible address. */
  Optional<DeviceAddress> address();
}
