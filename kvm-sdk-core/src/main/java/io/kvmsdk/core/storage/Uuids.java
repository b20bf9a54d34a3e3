package io.kvmsdk.core.storage;

/** libvirt's UUID syntax (virUUIDParse): 32 hex digits, dashes and spaces allowed between pairs, blanks around. */
final class Uuids {
  private Uuids() {}

  static boolean valid(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && Character.isWhitespace(s.charAt(i))) i++;
    int digits = 0;
    while (digits < 32) {
      if (i >= n) return false;
      char c = s.charAt(i);
      if ((c == '-' || c == ' ') && digits % 2 == 0) { i++; continue; }
      if (Character.digit(c, 16) < 0 || c > 'f') return false;
      digits++;
      i++;
    }
    while (i < n) if (!Character.isWhitespace(s.charAt(i++))) return false;
    return true;
  }
}
