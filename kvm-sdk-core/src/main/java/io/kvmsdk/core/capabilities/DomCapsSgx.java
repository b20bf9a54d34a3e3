package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <sgx supported='yes'>}: Intel SGX support and its enclave page cache. */
@Value.Immutable
public abstract class DomCapsSgx {
  public abstract Optional<Boolean> supported();

  public abstract Optional<Boolean> flc();

  public abstract Optional<Boolean> sgx1();

  public abstract Optional<Boolean> sgx2();

  /** {@code <section_size unit='KiB'>}: the EPC size. */
  public abstract Optional<Size> sectionSize();

  public abstract List<DomCapsSgxSection> sections();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether SGX is reported supported. */
  public boolean isSupported() { return supported().orElse(false); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsSgx copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsSgx}. */
  public static class Builder extends ImmutableDomCapsSgx.Builder {}
}
