package io.kvmsdk.network.nft;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One nftables table owned by one spec: loaded as a whole, replaced atomically and removed as a whole.
 *
 * <pre>{@code
 * NftTable t = NftTable.builder().family("ip").name("kvmsdk_nat")
 *     .addChain(NftChain.of("postrouting", "nat", "postrouting", "srcnat")
 *         .addRule("ip saddr 10.10.0.0/24 oifname \"eth0\" masquerade").build())
 *     .build();
 * t.ruleset();   // for nft -f: "table ip kvmsdk_nat" + "delete table ip kvmsdk_nat" + the table, one transaction
 * t.plan();      // one step: loads it unless `nft list table` already prints exactly listing()
 * }</pre>
 *
 * The plan's check hashes what {@code nft list table} prints and compares it with the hash of
 * {@link #listing()}, so re-applying a converged table runs one pipeline and changes nothing, and
 * a table someone edited by hand is loaded again. The listing is nft 1.0's; another nft version that
 * prints a rule differently only makes the step load the (same) table again.
 */
@Value.Immutable
public abstract class NftTable {
  /** nft has hundreds of keywords that cannot name a table ({@code mark}, {@code ip}, {@code vlan}, ...), and none holds a '_'. */
  private static final Pattern NAME = Pattern.compile("(?=.*_)[A-Za-z][A-Za-z0-9_]{0,31}");
  private static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");
  /** sha256 of no input at all: what {@code sha256sum} prints for an empty pipe. */
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** {@code ip} (default), {@code ip6}, {@code inet}, {@code arp}, {@code bridge} or {@code netdev}. */
  @Value.Default public String family() { return "ip"; }

  public abstract String name();

  public abstract List<NftChain> chains();

  /** A comment for the head of {@link #ruleset()} (one line). */
  @Value.Default public String comment() { return "rendered by kvm-sdk"; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (!FAMILIES.contains(family())) throw new InvalidSpecException("table/family", "must be one of " + FAMILIES + ", got '" + family() + "'");
    if (!NAME.matcher(name()).matches()) {
      throw new InvalidSpecException("table/name", "must be a letter then up to 31 letters, digits or '_', with at least one '_' (nft keywords such as 'mark' or 'ip' cannot name a table; none has a '_'), got '" + name() + "'");
    }
    Set<String> seen = new HashSet<>();
    for (NftChain c : chains()) {
      if (!seen.add(c.name())) throw new InvalidSpecException("chain[" + c.name() + "]", "a table holds one chain of each name");
      c.checkIn(family());
    }
    if (comment().chars().anyMatch(c -> c < 0x20)) throw new InvalidSpecException("table/comment", "must be one line");
  }

  /** {@code FAMILY NAME}, e.g. {@code ip kvmsdk_nat}. */
  public String id() { return family() + " " + name(); }

  /**
   * The table exactly as {@code nft list table FAMILY NAME} prints it (nft 1.0): tab-indented,
   * a blank line between chains.
   */
  @Value.Lazy public String listing() {
    StringBuilder sb = new StringBuilder("table ").append(id()).append(" {\n");
    for (int i = 0; i < chains().size(); i++) {
      NftChain c = chains().get(i);
      if (i > 0) sb.append('\n');
      sb.append("\tchain ").append(c.name()).append(" {\n");
      sb.append("\t\ttype ").append(c.type()).append(" hook ").append(c.hook()).append(" priority ").append(c.priority())
          .append("; policy ").append(c.policy()).append(";\n");
      for (String r : c.rules()) sb.append("\t\t").append(r).append('\n');
      sb.append("\t}\n");
    }
    return sb.append("}\n").toString();
  }

  /**
   * A complete {@code nft -f} file that replaces the table in one transaction
   * ({@code table T; delete table T; table T {...}}: the first line makes the delete succeed when
   * the table is absent, and nothing else on the host is touched).
   */
  @Value.Lazy public String ruleset() {
    return "#!/usr/sbin/nft -f\n# " + comment() + "\n"
        + "table " + id() + "\n"
        + "delete table " + id() + "\n"
        + listing();
  }

  /** sha256 of {@link #listing()}, hex. */
  @Value.Lazy public String listingSha256() { return sha256(listing()); }

  /** The command whose exit 0 means the live table is exactly {@link #listing()}. */
  public HostCommand isLoadedCheck() {
    return HostCommand.pipeline(List.of("nft", "list", "table", family(), name()), List.of("sha256sum"), List.of("grep", "-qx", listingSha256() + "  -"));
  }

  /** The command whose exit 0 means the table is absent (no {@code nft list tables} line names it). */
  public HostCommand isAbsentCheck() {
    return HostCommand.pipeline(List.of("nft", "list", "tables"), List.of("grep", "-x", "table " + id()), List.of("sha256sum"),
        List.of("grep", "-qx", EMPTY_SHA256 + "  -"));
  }

  /** {@code nft -f -} fed {@link #ruleset()}. */
  public HostCommand loadCommand() { return HostCommand.builder().args("nft", "-f", "-").stdin(ruleset()).build(); }

  /** {@code nft delete table FAMILY NAME}. */
  public HostCommand deleteCommand() { return HostCommand.of("nft", "delete", "table", family(), name()); }

  /** One step: load the table unless the live one is already {@link #listing()}; undo deletes it. */
  public Step loadStep() {
    return Step.builder("load nftables table " + id() + " (" + chains().size() + " chains, replaced atomically)")
        .check(isLoadedCheck()).change(loadCommand()).undo(deleteCommand()).build();
  }

  /** One step: delete the table unless it is absent; undo loads it again. */
  public Step deleteStep() {
    return Step.builder("delete nftables table " + id())
        .check(isAbsentCheck()).change(deleteCommand()).undo(loadCommand()).build();
  }

  /** The plan that loads the table ({@link #loadStep()}). */
  public Plan plan() { return Plan.of(loadStep()); }

  /** The plan that deletes the table ({@link #deleteStep()}). */
  public Plan removalPlan() { return Plan.of(deleteStep()); }

  @Override public String toString() { return ruleset(); }

  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) sb.append(String.format("%02x", b));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Builds an {@link NftTable}. */
  public static class Builder extends ImmutableNftTable.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of();

    @Override public NftTable build() { return REQUIRED.build(super::build); }
  }
}
