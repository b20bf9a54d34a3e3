package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import org.immutables.value.Value;

/** A {@code type ID NAME} line: a level of the hierarchy ({@code 0 osd}, {@code 1 host}, ..., {@code 11 root}). */
@Value.Immutable
public abstract class CrushType {
  public abstract int id();

  public abstract String name();

  public static CrushType of(int id, String name) { return builder().id(id).name(name).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (id() < 0) throw new InvalidSpecException("type " + name() + "/id", "must be >= 0, got " + id());
    CrushNames.check("type " + id() + "/name", name());
  }

  public static class Builder extends ImmutableCrushType.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("id", "type/id", "name", "type/name");
    @Override public CrushType build() { return REQUIRED.build(super::build); }
  }
}
