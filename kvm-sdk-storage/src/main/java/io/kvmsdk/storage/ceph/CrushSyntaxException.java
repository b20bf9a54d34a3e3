package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;

/**
 * A CRUSH map text that does not follow crushtool's grammar: where ({@link #line()}, {@link #column()},
 * both from 1) and what was expected there.
 */
public class CrushSyntaxException extends InvalidSpecException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  public CrushSyntaxException(int line, int column, String rule) {
    super("crush map line " + line + ", column " + column, rule);
    this.line = line;
    this.column = column;
  }

  public int line() { return line; }

  public int column() { return column; }
}
