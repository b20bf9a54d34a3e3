package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The per-device name rules written by hand (they run for every disk and interface of every document)
 * give the verdicts of the regular expressions they replaced, on hand-picked names and on seeded
 * random strings over the characters that matter.
 */
class DiskNameRulesTest {
  private static void same(String regex, Predicate<String> byHand, List<String> picked) {
    Pattern p = Pattern.compile(regex);
    List<String> cases = new ArrayList<>(picked);
    Random rnd = new Random(regex.hashCode());
    String alphabet = "abcdfhsuvxz019AFG:-_.";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      // start from a picked case half of the time, so mutations land near the valid names
      if (rnd.nextBoolean()) b.append(picked.get(rnd.nextInt(picked.size())));
      for (int k = rnd.nextInt(4); k > 0; k--) {
        int at = rnd.nextInt(b.length() + 1);
        if (rnd.nextBoolean() || b.length() == 0) b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        else b.deleteCharAt(Math.min(at, b.length() - 1));
      }
      cases.add(b.toString());
    }
    int matched = 0;
    for (String c : cases) {
      boolean expected = p.matcher(c).matches();
      if (expected) matched++;
      assertThat(byHand.test(c)).as("%s on '%s'", regex, c).isEqualTo(expected);
    }
    assertThat(matched).as("cases the pattern matches").isGreaterThan(100);
  }

  @Test
  void targetDev() {
    same("(ioemu:)?[a-z]+[a-z0-9]*", Disk::isTargetDev, List.of("vda", "ioemu:hda", "ioemu:", "sda1", "1sda", "", "vdA", "nvme0n1"));
  }

  @Test
  void knownNameAndPartition() {
    List<String> picked = List.of("vda", "xvdb", "ubdc", "fda", "hdz12", "sd", "sd1", "vda0", "nvme0n1", "xvd", "vdaa9", "");
    same("(fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]*", s -> Disk.isKnownName(s, false), picked);
    same("(fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]+", s -> Disk.isKnownName(s, true), picked);
  }

  @Test
  void wwn() {
    same("(0x)?[0-9a-fA-F]{16}", Disk::isWwn, List.of("5000c500a1b2c3d4", "0x5000c500a1b2c3d4", "0X5000c500a1b2c3d4", "0x5000c500a1b2c3", "5000c500a1b2c3d45", ""));
  }

  @Test
  void macAndModel() {
    same("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}", Nic::isMac, List.of("52:54:00:12:34:56", "52:54:00:12:34:5", "52-54-00-12-34-56", "AA:bb:CC:dd:EE:ff", ""));
    same("[a-zA-Z0-9\\-_]+", Nic::isModel, List.of("virtio", "e1000e", "virtio-net_pci", "", "rtl.8139"));
  }
}
