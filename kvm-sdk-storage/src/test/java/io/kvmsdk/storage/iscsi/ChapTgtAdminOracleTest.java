package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A CHAP user or secret reaches tgtd from targets.conf exactly as the tgtadm plan sets it, or the spec
 * refuses it: tgt-admin reads the file with Config::General and runs each tgtadm line through
 * {@code /bin/sh}. The oracle is tgt-admin's pretend mode (its command lines) run by {@code sh} and, for
 * distributions whose {@code /bin/sh} is bash, {@code bash --posix}.
 */
class ChapTgtAdminOracleTest {
  private static final String IQN = "iqn.2026-01.io.kvmsdk:chap";

  @Test
  void aSecretTgtAdminWouldCutIsRefusedNamingTheFieldNotTheValue() {
    assertThatThrownBy(() -> target("vmuser", "abc#defghijk", 1)).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.getMessage()).startsWith("target/chap/secret: must not contain any of ").contains("Config::General").doesNotContain("abc#defghijk", "defghijk");
      assertThat(e.retryable()).isFalse();
    });
    assertThatThrownBy(() -> IscsiTarget.builder().iqn(IQN).allowAnyInitiator(true).chap("vmuser", "abcdefghijkl").mutualChap("out", "abcdefg$hijkl").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("target/mutual_chap/secret: ").hasMessageNotContaining("abcdefg$hijkl");
    assertThatThrownBy(() -> target("vm;reboot", "abcdefghijkl", 1)).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("target/chap/user: must not contain any of ");
    assertThatThrownBy(() -> ChapCredentials.of("vmuser", "abcdef\\ghijk")).isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("chap/secret: ").hasMessageNotContaining("ghijk");
  }

  @Test
  void everyCharacterTheSpecAcceptsReachesTgtadmWholeAndEveryOneItRefusesWouldNot() throws Exception {
    Oracles.require(Proc.has("tgt-admin") && Proc.has("sh"), "tgt-admin is not installed");
    Path dir = Files.createTempDirectory("kvmsdk-chap");
    try {
      // a file a glob in the secret or user could match in tgt-admin's working directory
      Files.writeString(dir.resolve("--password=abcdefXghijk"), "");
      Files.writeString(dir.resolve("--user=vmXuser"), "");
      List<Character> accepted = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (char c = 0x21; c < 0x7f; c++) {
        String secret = secretWith(c);
        String user = userWith(c);
        boolean secretOk = accepts("vmuser", secret);
        boolean userOk = accepts(user, "abcdefghijkl");
        if (secretOk != userOk) problems.add("'" + c + "': the user and the secret differ");
        if (secretOk) {
          accepted.add(c);
        } else {
          // the spec refuses it: tgt-admin must indeed not carry it (the file as the SDK would write it)
          String conf = target("vmuser", "placeholder1", 1).targetsConf();
          if (carried(dir, conf.replace("placeholder1", secret), "vmuser\t" + secret)) problems.add("secret with '" + c + "' refused but tgt-admin carries it");
          conf = target("placeuser", "abcdefghijkl", 1).targetsConf();
          if (carried(dir, conf.replace("placeuser", user), user + "\tabcdefghijkl")) problems.add("user with '" + c + "' refused but tgt-admin carries it");
        }
      }
      // every accepted character, in one file of one target per character, secrets then users
      assertThat(allCarried(dir, accepted, c -> target("u" + (int) c, secretWith(c), c))).isEmpty();
      assertThat(allCarried(dir, accepted, c -> target(userWith(c), "abcdef-" + (int) c + "-ghijk", c))).isEmpty();
      assertThat(problems).isEmpty();
      assertThat(accepted).hasSize(94 - ChapCredentials.TGT_ADMIN_UNSAFE.length());
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String secretWith(char c) {
    return switch (c) {
      case '[' -> "abcdef[X]ghijk";
      case '{', '}' -> "abcdef{X,Y}ghi";
      default -> "abcdef" + c + "ghijk";
    };
  }

  private static String userWith(char c) {
    return switch (c) {
      case '[' -> "vm[X]user";
      case '{', '}' -> "vm{X,Y}user";
      default -> "vm" + c + "user";
    };
  }

  private static IscsiTarget target(String user, String secret, int n) {
    return IscsiTarget.builder().iqn(IQN + n).tid(n).allowAnyInitiator(true).chap(user, secret).build();
  }

  private static boolean accepts(String user, String secret) {
    try {
      target(user, secret, 1);
      return true;
    } catch (InvalidSpecException e) {
      return false;
    }
  }

  /** The user/password pairs that reach tgtadm when tgt-admin reads {@code conf}. */
  private static Set<String> reaching(Path dir, String conf) throws Exception {
    Path file = dir.resolve("targets.conf");
    Files.writeString(file, conf);
    // pretend mode prints the command lines it would run with system(); port 1 has no tgtd, so nothing exists yet
    Proc.Result r = Proc.run(List.of("tgt-admin", "-C", "1", "-c", file.toString(), "-e", "-p"), null, 60);
    List<String> lines = r.out().lines().filter(l -> l.startsWith("tgtadm ") && l.contains("--op new --user=")).toList();
    String fn = "tgtadm() { u=; p=; for a; do case $a in --user=*) u=${a#--user=};; --password=*) p=${a#--password=};; esac; done;"
        + " printf '%s\\t%s\\n' \"$u\" \"$p\"; }\n";
    Set<String> got = new LinkedHashSet<>();
    List<List<String>> shells = Proc.has("bash") ? List.of(List.of("sh", "-s"), List.of("bash", "--posix", "-s")) : List.of(List.of("sh", "-s"));
    for (List<String> sh : shells) {
      Set<String> one = new LinkedHashSet<>();
      for (String l : lines) {
        Proc.Result out = Proc.run(sh, "cd '" + dir + "' || exit 9\n" + fn + l + "\n", 30);
        one.addAll(out.out().lines().toList());
        if (!out.ok()) one.add("(rc " + out.rc() + ": " + out.err().strip() + ")");
      }
      if (got.isEmpty()) got.addAll(one); else if (!got.equals(one)) got.add("(the shells differ: " + one + ")");
    }
    return got;
  }

  private static boolean carried(Path dir, String conf, String pair) throws Exception {
    return reaching(dir, conf).equals(Set.of(pair));
  }

  private static List<String> allCarried(Path dir, List<Character> chars, Function<Character, IscsiTarget> target) throws Exception {
    StringBuilder conf = new StringBuilder();
    Set<String> expected = new LinkedHashSet<>();
    for (char c : chars) {
      IscsiTarget t = target.apply(c);
      conf.append(t.targetsConf());
      expected.add(t.chap().get().user() + "\t" + t.chap().get().secret());
    }
    Set<String> got = reaching(dir, conf.toString());
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(got);
    List<String> extra = new ArrayList<>(got);
    extra.removeAll(expected);
    List<String> out = new ArrayList<>();
    missing.forEach(m -> out.add("did not reach tgtadm: " + m));
    extra.forEach(x -> out.add("reached tgtadm instead: " + x));
    return out;
  }
}
