package io.kvmsdk.storage.nfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Who may mount an export and how: {@code 192.0.2.0/24(rw,sync,no_subtree_check)}. The client is a
 * host name, an IPv4 address or network, a wildcard ({@code *}, {@code *.example.com}) or a netgroup
 * ({@code @hypervisors}); the options are exports(5)'s.
 */
@Value.Immutable
public abstract class NfsClient {
  /** exports(5)'s options without a value. */
  public static final Set<String> FLAGS = Set.of("rw", "ro", "sync", "async", "secure", "insecure", "wdelay", "no_wdelay", "hide",
      "nohide", "crossmnt", "subtree_check", "no_subtree_check", "insecure_locks", "no_auth_nlm", "secure_locks", "auth_nlm",
      "root_squash", "no_root_squash", "all_squash", "no_all_squash", "mp", "mountpoint", "nordirplus", "pnfs", "no_pnfs",
      "security_label", "no_acl");
  /** exports(5)'s options with a value. */
  public static final Set<String> VALUED = Set.of("anonuid", "anongid", "fsid", "sec", "mountpoint", "mp", "refer", "replicas");
  private static final Pattern CLIENT = Pattern.compile("\\*|@[A-Za-z0-9_.-]+|[A-Za-z0-9*?.-]+|[0-9.]+/[0-9]{1,2}");

  public abstract String host();

  public abstract List<String> options();

  /** {@code host} with {@code options}. */
  public static NfsClient of(String host, String... options) { return builder().host(host).addOptions(options).build(); }

  /** Read-write for {@code host}, written to disk before replying, no subtree checks, root not squashed (what hypervisors need for VM images). */
  public static NfsClient hypervisor(String host) { return of(host, "rw", "sync", "no_subtree_check", "no_root_squash"); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (!CLIENT.matcher(host()).matches() || (host().contains("/") && !Names.isCidr4(host()))) {
      throw new InvalidSpecException("exports/client", "must be a host, an IPv4 address or network (a.b.c.d/n), a wildcard or an @netgroup, got " + Names.quoted(host()));
    }
    for (String o : options()) {
      int eq = o.indexOf('=');
      String key = eq < 0 ? o : o.substring(0, eq);
      boolean ok = eq < 0 ? FLAGS.contains(key) : VALUED.contains(key) && eq < o.length() - 1 && o.substring(eq + 1).matches("[A-Za-z0-9_:./-]+");
      if (!ok) throw new InvalidSpecException("exports/client[" + host() + "]/options", "unknown export option " + Names.quoted(o) + " (exports(5))");
    }
    if (options().contains("rw") && options().contains("ro")) throw new InvalidSpecException("exports/client[" + host() + "]/options", "rw and ro both given");
  }

  /** {@code host(opt,opt)}, as a line of /etc/exports has it. */
  @Override public String toString() { return host() + (options().isEmpty() ? "" : "(" + String.join(",", options()) + ")"); }

  public static class Builder extends ImmutableNfsClient.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("host", "exports/client/host");
    @Override public NfsClient build() { return REQUIRED.build(super::build); }
  }
}
