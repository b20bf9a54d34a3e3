package io.kvmsdk.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A recipe's run from the command line, captured: exit status, stdout, stderr. */
record RecipeRun(int status, String out, String err) {
  static RecipeRun of(Recipe recipe, Recipe.Body body, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = recipe.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), body);
    return new RecipeRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** stderr is one line, without a stack trace. */
  boolean oneErrorLine() { return err.strip().lines().count() == 1 && !err.contains("\tat "); }

  @Override public String toString() { return "status " + status + "\n--- out\n" + out + "--- err\n" + err; }
}
