package io.kvmsdk.core;

/**
 * A spec or an XML document breaks a rule. Thrown when the spec is built or parsed, before
 * anything reaches libvirt or a shell. {@link #field()} is the path of the offending field
 * (for example {@code domain/devices/disk[1]/target/@dev}); {@link #rule()} says what was expected.
 */
public class InvalidSpecException extends KvmException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String rule;

  public InvalidSpecException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  public InvalidSpecException(String field, String rule, Throwable cause) {
    super(field + ": " + rule, cause, false);
    this.field = field;
    this.rule = rule;
  }

  /** Path of the field that breaks the rule. */
  public String field() { return field; }

  /** The rule that was broken, in words. */
  public String rule() { return rule; }
}
