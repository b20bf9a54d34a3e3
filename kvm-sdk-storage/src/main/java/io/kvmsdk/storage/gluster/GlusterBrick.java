package io.kvmsdk.storage.gluster;

import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.storage.internal.Names;
import org.immutables.value.Value;

/** A brick: a directory on a host, {@code gl1:/data/brick1/gv0}. */
@Value.Immutable
public abstract class GlusterBrick {
  public abstract String host();

  public abstract String path();

  public static GlusterBrick of(String host, String path) { return builder().host(host).path(path).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.host("volume/brick/host", host());
    Names.path("volume/brick/path", path());
  }

  @Override public String toString() { return host() + ":" + path(); }

  public static class Builder extends ImmutableGlusterBrick.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("host", "volume/brick/host", "path", "volume/brick/path");
    @Override public GlusterBrick build() { return REQUIRED.build(super::build); }
  }
}
