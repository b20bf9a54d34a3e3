package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <lease expiry='..' unit='..'/>} of a DHCP range or host: the lease time (0 for infinite); the unit is kept as written. */
@Value.Immutable
public abstract class DhcpLeaseTime {
  /** Lease time in the unit; 0 means infinite. */
  public abstract Optional<Long> expiry();

  /** seconds, minutes (libvirt's default) or hours; absent stays absent. */
  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DhcpLeaseTime copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A lease of {@code n} hours. */
  public static DhcpLeaseTime hours(long n) { return builder().expiry(n).unit("hours").build(); }

  /** A lease of {@code n} minutes (at least 2). */
  public static DhcpLeaseTime minutes(long n) { return builder().expiry(n).unit("minutes").build(); }

  /** A lease of {@code n} seconds (at least 120). */
  public static DhcpLeaseTime seconds(long n) { return builder().expiry(n).unit("seconds").build(); }

  /** A lease that never expires. */
  public static DhcpLeaseTime infinite() { return builder().expiry(0L).build(); }

  @Value.Check protected void check() {
    if (expiry().isEmpty()) return; // libvirt ignores a lease without expiry
    long e = expiry().get();
    String u = unit().orElse("minutes");
    if (!u.equals("seconds") && !u.equals("minutes") && !u.equals("hours")) {
      throw new InvalidSpecException("@unit", "must be seconds, minutes or hours, got '" + u + "'");
    }
    if (e < 0) throw new InvalidSpecException("@expiry", "must not be negative, got " + e);
    if (e > 0 && ((u.equals("seconds") && e < 120) || (u.equals("minutes") && e < 2))) {
      throw new InvalidSpecException("@expiry", "the minimum lease time is 2 minutes (0 for infinite), got " + e + " " + u);
    }
  }

  /** Builds a {@link DhcpLeaseTime}. */
  public static class Builder extends ImmutableDhcpLeaseTime.Builder {}
}
