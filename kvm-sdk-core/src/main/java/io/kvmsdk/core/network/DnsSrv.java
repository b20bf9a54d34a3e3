package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dns><srv>}: an SRV record (RFC 2782). */
@Value.Immutable
public abstract class DnsSrv {
  /** Service name. */
  public abstract Optional<String> service();

  /** tcp or udp. */
  public abstract Optional<String> protocol();

  public abstract Optional<String> domain();

  public abstract Optional<String> target();

  /** 1..65535; needs a target. */
  public abstract Optional<Integer> port();

  /** 0..65535; needs a target. */
  public abstract Optional<Integer> priority();

  /** 0..65535; needs a target. */
  public abstract Optional<Integer> weight();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DnsSrv copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The SRV record of {@code service} over {@code protocol}. */
  public static DnsSrv of(String service, String protocol) { return builder().service(service).protocol(protocol).build(); }

  @Value.Check protected void check() { NetCheck.srv(this); }

  /** Builds a {@link DnsSrv}. */
  public static class Builder extends ImmutableDnsSrv.Builder {}
}
