package io.kvmsdk.network.nft;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A base chain of an {@link NftTable}: {@code type TYPE hook HOOK priority PRIORITY; policy POLICY;}
 * and its rules, each written exactly as {@code nft list} prints it (so the table's listing is what
 * the live kernel reports).
 */
@Value.Immutable
public abstract class NftChain {
  /** A hook's name, or a name with a '_' (no nft keyword has one: 'mark' or 'drop' cannot name a chain). */
  private static final Pattern NAME = Pattern.compile("prerouting|input|forward|output|postrouting|(?=.*_)[A-Za-z][A-Za-z0-9_]{0,30}");
  private static final Set<String> TYPES = Set.of("filter", "nat", "route");
  private static final Set<String> HOOKS = Set.of("prerouting", "input", "forward", "output", "postrouting", "ingress", "egress");
  private static final Pattern PRIORITY = Pattern.compile("(raw|mangle|dstnat|filter|security|srcnat)|-?[0-9]{1,10}");

  public abstract String name();

  /** {@code filter}, {@code nat} or {@code route}. */
  public abstract String type();

  public abstract String hook();

  /** A standard priority name ({@code dstnat}, {@code srcnat}, {@code filter}, ...) or a number. */
  public abstract String priority();

  /** {@code accept} (default) or {@code drop}. */
  @Value.Default public String policy() { return "accept"; }

  /** The rules, in order, in nft's listing form, e.g. {@code iifname "eth0" tcp dport 8080 dnat to 10.0.0.5:80}. */
  public abstract List<String> rules();

  public static Builder builder() { return new Builder(); }

  /** A base chain {@code name} of {@code type} on {@code hook} at {@code priority}. */
  public static Builder of(String name, String type, String hook, String priority) {
    return builder().name(name).type(type).hook(hook).priority(priority);
  }

  @Value.Check protected void check() {
    String at = "chain[" + name() + "]";
    if (!NAME.matcher(name()).matches()) throw new InvalidSpecException("chain/name", "must be a hook's name (prerouting, input, forward, output, postrouting) or a letter then up to 30 letters, digits or '_' with at least one '_' (nft keywords cannot name a chain), got '" + name() + "'");
    if (!TYPES.contains(type())) throw new InvalidSpecException(at + "/type", "must be filter, nat or route, got '" + type() + "'");
    if (!HOOKS.contains(hook())) throw new InvalidSpecException(at + "/hook", "must be one of " + HOOKS + ", got '" + hook() + "'");
    if (!PRIORITY.matcher(priority()).matches()) throw new InvalidSpecException(at + "/priority", "must be a standard priority name or a number, got '" + priority() + "'");
    if (!policy().equals("accept") && !policy().equals("drop")) throw new InvalidSpecException(at + "/policy", "must be accept or drop, got '" + policy() + "'");
    for (int i = 0; i < rules().size(); i++) {
      String r = rules().get(i);
      if (r.isBlank() || r.chars().anyMatch(c -> c < 0x20 || c == ';' || c == '#' || c == '{' || c == '}' || c == '\\')) {
        throw new InvalidSpecException(at + "/rule[" + (i + 1) + "]", "must be one non-empty line without ';', '#', braces, '\\' or control characters, got '" + r + "'");
      }
      if (r.chars().filter(c -> c == '"').count() % 2 != 0) {
        throw new InvalidSpecException(at + "/rule[" + (i + 1) + "]", "has an unbalanced '\"' (nft: syntax error, unexpected junk), got '" + r + "'");
      }
      if (!r.equals(r.strip()) || r.contains("  ")) {
        throw new InvalidSpecException(at + "/rule[" + (i + 1) + "]", "must be written as nft lists it: single spaces, no leading or trailing blanks, got '" + r + "'");
      }
    }
  }

  /**
   * Refuses what nft refuses for this chain in a table of {@code family} (checked with {@code nft -c}, nft 1.0.6,
   * Linux 6.x): a hook the family lacks ("The ip family does not support this hook"), a type the hook or the family
   * lacks ("Operation not supported", "No such file or directory"), a priority name the hook lacks ("invalid priority expression value in this
   * context"). A netdev chain and an inet ingress chain need a device, which this spec does not model.
   */
  void checkIn(String family) {
    String at = "chain[" + name() + "]";
    Set<String> hooks = switch (family) {
      case "arp" -> Set.of("input", "output");
      case "netdev" -> Set.of("ingress", "egress");
      case "inet" -> Set.of("prerouting", "input", "forward", "output", "postrouting", "ingress");
      default -> Set.of("prerouting", "input", "forward", "output", "postrouting");
    };
    if (!hooks.contains(hook())) {
      throw new InvalidSpecException(at + "/hook", "the " + family + " family does not support hook " + hook() + " (it has " + sorted(hooks) + ")");
    }
    if (family.equals("netdev") || hook().equals("ingress")) {
      throw new InvalidSpecException(at + "/hook", "a " + family + " " + hook() + " chain needs a device (nft: Missing `device'), which NftChain does not model");
    }
    boolean ipLike = Set.of("ip", "ip6", "inet").contains(family);
    if (!type().equals("filter")) {
      if (!ipLike) throw new InvalidSpecException(at + "/type", "the " + family + " family has filter chains only (the kernel has no "
          + family + " " + type() + " chain type: nft says No such file or directory), got '" + type() + "'");
      Set<String> typeHooks = type().equals("nat") ? Set.of("prerouting", "input", "output", "postrouting") : Set.of("output");
      if (!typeHooks.contains(hook())) {
        throw new InvalidSpecException(at + "/type", "a " + type() + " chain hooks " + sorted(typeHooks) + " only (nft: Operation not supported), got hook "
            + hook());
      }
    }
    String p = priority();
    boolean ok = switch (p) {
      case "dstnat" -> !family.equals("arp") && hook().equals("prerouting");
      case "srcnat" -> !family.equals("arp") && hook().equals("postrouting");
      case "raw", "mangle", "security" -> ipLike;
      default -> true; // filter and numbers
    };
    if (!ok) {
      throw new InvalidSpecException(at + "/priority", "nft has no priority '" + p + "' on hook " + hook() + " of the " + family
          + " family (invalid priority expression value in this context): dstnat is prerouting's, srcnat postrouting's, raw, mangle and"
          + " security are ip, ip6 and inet's; a number fits everywhere");
    }
  }

  private static String sorted(Set<String> s) { return String.join(", ", new java.util.TreeSet<>(s)); }

  /** Builds an {@link NftChain}. */
  public static class Builder extends ImmutableNftChain.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of();

    @Override public NftChain build() { return REQUIRED.build(super::build); }
  }
}
