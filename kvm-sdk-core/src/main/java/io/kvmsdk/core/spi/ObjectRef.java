package io.kvmsdk.core.spi;

import java.util.Objects;

/** A libvirt object as libvirt names it: its name and its UUID (domains, networks, storage pools, nwfilters). */
public record ObjectRef(String name, String uuid) {
  public ObjectRef {
    Objects.requireNonNull(name, "name");
  }
}
