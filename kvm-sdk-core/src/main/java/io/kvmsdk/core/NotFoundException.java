package io.kvmsdk.core;

/** The named object (domain, network, pool, secret, snapshot, ...) does not exist. */
public class NotFoundException extends KvmException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String name;

  public NotFoundException(String kind, String name) { this(kind, name, null); }

  public NotFoundException(String kind, String name, Throwable cause) {
    super(kind + " '" + name + "' not found", cause, false);
    this.kind = kind;
    this.name = name;
  }

  /** What kind of object was looked up: {@code domain}, {@code snapshot}, ... */
  public String kind() { return kind; }

  /** The name (or UUID) that was looked up. */
  public String name() { return name; }
}
