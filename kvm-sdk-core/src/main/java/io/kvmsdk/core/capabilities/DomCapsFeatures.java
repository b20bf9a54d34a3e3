package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <features>} of domain capabilities: which hypervisor features a domain may use. */
@Value.Immutable
public abstract class DomCapsFeatures {
  /** With a {@code version} enum. */
  public abstract Optional<DomCapsSupport> gic();

  public abstract Optional<DomCapsSupport> vmcoreinfo();

  public abstract Optional<DomCapsSupport> genid();

  public abstract Optional<DomCapsSupport> backingStoreInput();

  public abstract Optional<DomCapsSupport> backup();

  /** {@code <async-teardown>} (libvirt 9.1 and later). */
  public abstract Optional<DomCapsSupport> asyncTeardown();

  /** {@code <s390-pv>}: s390 Protected Virtualization. */
  public abstract Optional<DomCapsSupport> s390Pv();

  public abstract Optional<DomCapsSev> sev();

  public abstract Optional<DomCapsSgx> sgx();

  /** With a {@code features} enum of the Hyper-V enlightenments. */
  public abstract Optional<DomCapsSupport> hyperv();

  /** With a {@code sectype} enum (reported by libvirt releases after 9.0). */
  public abstract Optional<DomCapsSupport> launchSecurity();

  /** Reported by libvirt releases after 9.0. */
  public abstract Optional<DomCapsSupport> ps2();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public DomCapsFeatures copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DomCapsFeatures}. */
  public static class Builder extends ImmutableDomCapsFeatures.Builder {}
}
