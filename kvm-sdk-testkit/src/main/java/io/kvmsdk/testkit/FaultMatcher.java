package io.kvmsdk.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Chooses the operations a {@link FaultRule} hits. An operation is a list of words: for a host
 * command its argv (without {@code sudo} and without {@code ip}'s global options such as
 * {@code -n NS} or {@code -j}, so {@code command("ip", "link", "add")} matches
 * {@code ip -n ns1 link add br0 type bridge}); for a hypervisor call the port method's name and
 * the object's name, e.g. {@code [startDomain, web1]}. {@code toString()} says what it matches.
 */
public final class FaultMatcher {
  private final String description;
  private final Predicate<List<String>> predicate;

  private FaultMatcher(String description, Predicate<List<String>> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  /** Every operation. */
  public static FaultMatcher any() { return new FaultMatcher("any operation", w -> true); }

  /** Operations whose words start with {@code prefix}, e.g. {@code command("ip", "link", "add")}. */
  public static FaultMatcher command(String... prefix) {
    List<String> p = List.of(prefix);
    return new FaultMatcher("operations starting with " + String.join(" ", p),
        w -> w.size() >= p.size() && w.subList(0, p.size()).equals(p));
  }

  /** Same as {@link #command}: hypervisor operations start with the port method's name, e.g. {@code operation("startDomain")}. */
  public static FaultMatcher operation(String... prefix) { return command(prefix); }

  /** Operations with {@code word} among their words (anywhere), e.g. {@code containing("br0")}. */
  public static FaultMatcher containing(String word) {
    Objects.requireNonNull(word, "word");
    return new FaultMatcher("operations containing '" + word + "'", w -> w.contains(word));
  }

  /** Operations whose words joined with single spaces match {@code regex} (whole match). */
  public static FaultMatcher matching(String regex) {
    Pattern p = Pattern.compile(regex);
    return new FaultMatcher("operations matching /" + regex + "/", w -> p.matcher(String.join(" ", w)).matches());
  }

  /** Operations for which {@code predicate} holds; {@code description} appears in messages. */
  public static FaultMatcher of(String description, Predicate<List<String>> predicate) {
    return new FaultMatcher(description, Objects.requireNonNull(predicate, "predicate"));
  }

  /** Operations both matchers match. */
  public FaultMatcher and(FaultMatcher other) {
    return new FaultMatcher(description + " and " + other.description, w -> matches(w) && other.matches(w));
  }

  /** Operations either matcher matches. */
  public FaultMatcher or(FaultMatcher other) {
    return new FaultMatcher(description + " or " + other.description, w -> matches(w) || other.matches(w));
  }

  /** True when this matcher hits the operation {@code words}. */
  public boolean matches(List<String> words) { return predicate.test(words); }

  /** True when this matcher hits the operation {@code words}. */
  public boolean matches(String... words) { return matches(Arrays.asList(words)); }

  @Override public String toString() { return description; }
}
