package io.kvmsdk.core.xml;

import java.util.Arrays;

/**
 * A strict, non-validating XML 1.0 scanner over a string: the parser {@link XmlReader} reads with.
 *
 * <p>It checks well-formedness as the XML 1.0 (fifth edition) grammar states it (names, one root,
 * matching end tags, unique attributes, legal characters, well-formed comments, processing instructions
 * and CDATA, character and predefined entity references) and refuses every DOCTYPE and every other
 * entity reference. It is not namespace-aware: a name is the qualified name as written and
 * {@code xmlns} declarations are plain attributes. Line ends are normalized ({@code \r\n} and {@code \r}
 * read as {@code \n}) and attribute values normalized as for CDATA attributes (a literal tab, line end
 * or carriage return reads as a space; a character reference keeps its character), as any conforming
 * parser does. Adjacent text and CDATA sections are one text event; comments and processing
 * instructions are skipped.
 *
 * <p>Why not a library parser: this is the one XML parser of the SDK's codecs, a single small class
 * that the JVM loads and verifies in a fraction of the time a general StAX implementation takes, which
 * is what a first document in a fresh JVM (JShell, a CLI, a short job) pays. It is proved against
 * Woodstox event for event, refusal for refusal, over the libvirt corpus and fuzzed documents
 * ({@code XmlScannerTest}).
 *
 * <p>Messages name the rule, the line and the column, and element or attribute names; never text or
 * attribute values, which may hold secrets.
 */
final class XmlScanner {
  static final int START = 1;
  static final int END = 2;
  static final int TEXT = 3;
  static final int EOF = 4;

  /** A refusal: the document is not well-formed, or holds a DOCTYPE or an entity reference of its own. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private final String c;
  private final int end;
  /** A fragment scanner (at an element's start, for re-reading it) has no prolog and stops after that element. */
  private final boolean fragment;
  private int pos;

  private String[] open = new String[16];
  private int depth;
  private boolean rootSeen;
  private boolean pendingEnd;   // after <a/>: the end event comes next

  // the current start
  private String name;
  private String[] attrs = new String[16];
  private int nattrs;
  private int startOffset;
  private static final int MANY_ATTRS = 16;
  private java.util.HashSet<String> seen;   // the attribute names of a start tag with many

  // the current text: [textFrom, textTo) of c when simple, else built
  private int textFrom;
  private int textTo;
  private String textBuilt;
  private StringBuilder sb;

  XmlScanner(String xml, int from, boolean fragment) {
    this.c = xml;
    this.end = xml.length();
    this.pos = from;
    this.fragment = fragment;
  }

  /** Elements open at the current position. */
  int depth() { return depth; }

  String name() { return name; }

  int attrCount() { return nattrs; }

  String attrName(int i) { return attrs[2 * i]; }

  String attrValue(int i) { return attrs[2 * i + 1]; }

  /** Where the current start tag begins. */
  int startOffset() { return startOffset; }

  String text() {
    if (textBuilt == null) textBuilt = c.substring(textFrom, textTo);
    return textBuilt;
  }

  /** Whether the current text is white space only ({@link Character#isWhitespace}). */
  boolean blank() {
    if (textBuilt != null) {
      for (int i = 0, n = textBuilt.length(); i < n; i++) if (!Character.isWhitespace(textBuilt.charAt(i))) return false;
      return true;
    }
    for (int i = textFrom; i < textTo; i++) if (!Character.isWhitespace(c.charAt(i))) return false;
    return true;
  }

  /** Appends the current text to {@code to}. */
  void appendText(StringBuilder to) {
    if (textBuilt != null) to.append(textBuilt);
    else to.append(c, textFrom, textTo);
  }

  /** The next start, end or text (text only inside the root), or EOF after a well-formed end. */
  int next() {
    if (pendingEnd) {
      pendingEnd = false;
      depth--;
      return END;
    }
    if (pos == 0 && !fragment) prolog();
    for (;;) {
      if (pos >= end) {
        if (depth > 0) throw fail("the document ends inside <" + open[depth - 1] + ">");
        if (!rootSeen) throw fail("the document has no root element");
        return EOF;
      }
      if (fragment && rootSeen && depth == 0) return EOF;
      char ch = c.charAt(pos);
      if (ch != '<') {
        if (depth == 0) {
          outsideText();
          continue;
        }
        scanText();
        return TEXT;
      }
      if (pos + 1 >= end) throw fail("the document ends inside markup");
      char n = c.charAt(pos + 1);
      if (n == '/') {
        endTag();
        return END;
      }
      if (n == '?') {
        pi();
        continue;
      }
      if (n == '!') {
        if (startsWith(pos + 2, "--")) {
          comment();
          continue;
        }
        if (startsWith(pos + 2, "[CDATA[")) {
          if (depth == 0) throw fail("a CDATA section outside the root element");
          scanText();
          return TEXT;
        }
        if (startsWith(pos + 2, "DOCTYPE")) {
          throw new Refusal("XML must not contain a DOCTYPE (DTDs and entities are refused)");
        }
        throw fail("markup '<!' that is not a comment, CDATA section or DOCTYPE");
      }
      startTag();
      return START;
    }
  }

  // ------------------------------------------------------------------ prolog

  private void prolog() {
    if (startsWith(0, "<?xml") && end > 5 && isSpace(c.charAt(5))) {
      pos = 5;
      space(true);
      String version = declAttr("version", true);
      if (version == null || version.length() < 3 || !version.startsWith("1.")) throw fail("the XML declaration's version must be 1.x");
      for (int i = 2; i < version.length(); i++) if (version.charAt(i) < '0' || version.charAt(i) > '9') throw fail("the XML declaration's version must be 1.x");
      boolean sp = space(false);
      String enc = sp ? declAttr("encoding", false) : null;
      if (enc != null) {
        if (enc.isEmpty() || !isAsciiLetter(enc.charAt(0))) throw fail("the XML declaration's encoding is not an encoding name");
        for (int i = 1; i < enc.length(); i++) {
          char e = enc.charAt(i);
          if (!isAsciiLetter(e) && !(e >= '0' && e <= '9') && e != '.' && e != '_' && e != '-') throw fail("the XML declaration's encoding is not an encoding name");
        }
        sp = space(false);
      }
      String sa = sp ? declAttr("standalone", false) : null;
      if (sa != null) {
        if (!sa.equals("yes") && !sa.equals("no")) throw fail("the XML declaration's standalone must be yes or no");
        space(false);
      }
      if (!startsWith(pos, "?>")) throw fail("the XML declaration is not closed by '?>'");
      pos += 2;
    }
  }

  private String declAttr(String attr, boolean required) {
    if (!startsWith(pos, attr)) {
      if (required) throw fail("the XML declaration has no " + attr);
      return null;
    }
    pos += attr.length();
    space(false);
    if (pos >= end || c.charAt(pos) != '=') throw fail("the XML declaration's " + attr + " has no '='");
    pos++;
    space(false);
    if (pos >= end || (c.charAt(pos) != '"' && c.charAt(pos) != '\'')) throw fail("the XML declaration's " + attr + " is not quoted");
    char q = c.charAt(pos++);
    int from = pos;
    while (pos < end && c.charAt(pos) != q) {
      if (c.charAt(pos) == '<' || c.charAt(pos) == '>' || c.charAt(pos) == '?') throw fail("the XML declaration's " + attr + " is not closed");
      pos++;
    }
    if (pos >= end) throw fail("the document ends inside the XML declaration");
    return c.substring(from, pos++);
  }

  private void outsideText() {
    while (pos < end && c.charAt(pos) != '<') {
      char ch = c.charAt(pos);
      if (!isSpace(ch)) {
        throw fail(ch == '&' ? "an entity reference outside the root element" : "text outside the root element");
      }
      pos++;
    }
  }

  // ------------------------------------------------------------------ markup

  private void startTag() {
    if (depth == 0 && rootSeen) throw fail("a second root element");
    startOffset = pos;
    pos++;
    name = name("an element name");
    nattrs = 0;
    for (;;) {
      boolean sp = space(false);
      if (pos >= end) throw fail("the document ends inside the start tag of <" + name + ">");
      char ch = c.charAt(pos);
      if (ch == '>') {
        pos++;
        break;
      }
      if (ch == '/') {
        if (pos + 1 >= end || c.charAt(pos + 1) != '>') throw fail("'/' not followed by '>' in the start tag of <" + name + ">");
        pos += 2;
        pendingEnd = true;
        break;
      }
      if (!sp) throw fail("no white space before an attribute of <" + name + ">");
      attribute();
    }
    if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
    open[depth++] = name;
    rootSeen = true;
  }

  private void attribute() {
    String an = name(null);
    if (nattrs < MANY_ATTRS) {
      for (int i = 0; i < nattrs; i++) {
        if (attrs[2 * i].equals(an)) throw fail("attribute '" + an + "' appears twice in <" + name + ">");
      }
    } else {
      // past a few, a set: a start tag of a million attributes must not take a million squared compares
      if (seen == null) seen = new java.util.HashSet<>();
      if (nattrs == MANY_ATTRS) {
        seen.clear();
        for (int i = 0; i < nattrs; i++) seen.add(attrs[2 * i]);
      }
      if (!seen.add(an)) throw fail("attribute '" + an + "' appears twice in <" + name + ">");
    }
    space(false);
    if (pos >= end || c.charAt(pos) != '=') throw fail("attribute '" + an + "' of <" + name + "> has no '='");
    pos++;
    space(false);
    if (pos >= end || (c.charAt(pos) != '"' && c.charAt(pos) != '\'')) throw fail("the value of attribute '" + an + "' of <" + name + "> is not quoted");
    char q = c.charAt(pos++);
    int from = pos;
    String value = null;
    for (;;) {
      if (pos >= end) throw fail("the document ends inside the value of attribute '" + an + "' of <" + name + ">");
      char ch = c.charAt(pos);
      if (ch < 64 ? (ATTR_SPECIAL >>> ch & 1) == 0 : ch < 0xD800) {
        pos++;
        continue;
      }
      if (ch == q) {
        value = c.substring(from, pos);
        pos++;
        break;
      }
      if (ch == '<') throw fail("'<' in the value of attribute '" + an + "' of <" + name + ">");
      if (ch == '&' || ch < 0x20 || ch >= 0xD800) {
        value = attributeSlow(q, from, an);
        break;
      }
      pos++;   // the other quote
    }
    if (2 * nattrs + 2 > attrs.length) attrs = Arrays.copyOf(attrs, attrs.length * 2);
    attrs[2 * nattrs] = an;
    attrs[2 * nattrs + 1] = value;
    nattrs++;
  }

  /** The rest of an attribute value from {@code pos}, with references, normalization and character checks. */
  private String attributeSlow(char q, int from, String an) {
    StringBuilder b = builder();
    b.append(c, from, pos);
    for (;;) {
      if (pos >= end) throw fail("the document ends inside the value of attribute '" + an + "' of <" + name + ">");
      char ch = c.charAt(pos);
      if (ch == q) {
        pos++;
        return b.toString();
      }
      if (ch == '<') throw fail("'<' in the value of attribute '" + an + "' of <" + name + ">");
      if (ch == '&') {
        reference(b);
      } else if (ch == '\r') {
        b.append(' ');
        pos += pos + 1 < end && c.charAt(pos + 1) == '\n' ? 2 : 1;
      } else if (ch == '\t' || ch == '\n') {
        b.append(' ');
        pos++;
      } else {
        pos = character(pos, b);
      }
    }
  }

  private void endTag() {
    pos += 2;
    String n = name("an end tag's name");
    space(false);
    if (pos >= end || c.charAt(pos) != '>') throw fail("the end tag </" + n + "> is not closed by '>'");
    pos++;
    if (depth == 0) throw fail("an end tag </" + n + "> with no element open");
    String o = open[depth - 1];
    if (!o.equals(n)) throw fail("the end tag </" + n + "> does not match <" + o + ">");
    depth--;
  }

  private void comment() {
    int from = pos + 4;
    for (int i = from; i < end; i++) {
      if (c.charAt(i) == '-' && i + 1 < end && c.charAt(i + 1) == '-') {
        if (i + 2 < end && c.charAt(i + 2) == '>') {
          checkChars(from, i);
          pos = i + 3;
          return;
        }
        throw fail("'--' inside a comment");
      }
    }
    throw fail("the document ends inside a comment");
  }

  private void pi() {
    int at = pos;
    pos += 2;
    String target = name("a processing instruction's target");
    if (target.length() == 3 && (target.charAt(0) | 0x20) == 'x' && (target.charAt(1) | 0x20) == 'm' && (target.charAt(2) | 0x20) == 'l') {
      throw fail(at == 0 ? "a malformed XML declaration" : "an XML declaration or 'xml' processing instruction that is not at the document's start");
    }
    if (pos < end && c.charAt(pos) == '?' && pos + 1 < end && c.charAt(pos + 1) == '>') {
      pos += 2;
      return;
    }
    if (!space(false)) throw fail("no white space after the processing instruction's target");
    for (int i = pos; i + 1 < end; i++) {
      if (c.charAt(i) == '?' && c.charAt(i + 1) == '>') {
        checkChars(pos, i);
        pos = i + 2;
        return;
      }
    }
    throw fail("the document ends inside a processing instruction");
  }

  // ------------------------------------------------------------------ text

  /** Characters below 64 an attribute value's fast loop stops at: controls (tab and line ends included), quotes, '&', '<'. */
  private static final long ATTR_SPECIAL = 0xFFFFFFFFL | 1L << '"' | 1L << '\'' | 1L << '&' | 1L << '<';

  /** Characters below 64 the text fast loop stops at: controls but tab and line feed, '&', '<', '>' (for "]]>"). */
  private static final long TEXT_SPECIAL = (0xFFFFFFFFL & ~(1L << '\t') & ~(1L << '\n')) | 1L << '&' | 1L << '<' | 1L << '>';

  /** Text from {@code pos}: character data, references and CDATA sections up to the next other markup. */
  private void scanText() {
    textBuilt = null;
    int from = pos;
    int i = pos;
    for (;;) {
      if (i >= end) break;
      char ch = c.charAt(i);
      if (ch < 64 ? (TEXT_SPECIAL >>> ch & 1) == 0 : ch < 0xD800) {
        i++;
        continue;
      }
      if (ch == '<') break;
      if (ch != '>' || (i >= from + 2 && c.charAt(i - 1) == ']' && c.charAt(i - 2) == ']')) {
        textSlow(from, i);
        return;
      }
      i++;   // a '>' that does not end "]]>"
    }
    if (i + 8 < end && c.charAt(i + 1) == '!' && startsWith(i + 2, "[CDATA[")) {
      textSlow(from, i);
      return;
    }
    textFrom = from;
    textTo = i;
    pos = i;
  }

  private void textSlow(int from, int at) {
    StringBuilder b = builder();
    b.append(c, from, at);
    pos = at;
    for (;;) {
      if (pos >= end) break;
      char ch = c.charAt(pos);
      if (ch == '<') {
        if (pos + 8 < end && c.charAt(pos + 1) == '!' && startsWith(pos + 2, "[CDATA[")) {
          cdata(b);
          continue;
        }
        break;
      }
      if (ch == '&') {
        reference(b);
      } else if (ch == '\r') {
        b.append('\n');
        pos += pos + 1 < end && c.charAt(pos + 1) == '\n' ? 2 : 1;
      } else if (ch == '>' && pos >= 2 && c.charAt(pos - 1) == ']' && c.charAt(pos - 2) == ']') {
        throw fail("']]>' in text");
      } else {
        pos = character(pos, b);
      }
    }
    textBuilt = b.toString();
  }

  private void cdata(StringBuilder b) {
    int from = pos + 9;
    for (int i = from; i + 2 < end; i++) {
      if (c.charAt(i) == ']' && c.charAt(i + 1) == ']' && c.charAt(i + 2) == '>') {
        for (int j = from; j < i;) {
          char ch = c.charAt(j);
          if (ch == '\r') {
            b.append('\n');
            j += j + 1 < i && c.charAt(j + 1) == '\n' ? 2 : 1;
          } else {
            j = character(j, b);
          }
        }
        pos = i + 3;
        return;
      }
    }
    throw fail("the document ends inside a CDATA section");
  }

  /** A reference at {@code pos} ('&'), its character(s) appended. */
  private void reference(StringBuilder b) {
    int at = pos;
    pos++;
    if (pos < end && c.charAt(pos) == '#') {
      pos++;
      int radix = 10;
      if (pos < end && c.charAt(pos) == 'x') {
        radix = 16;
        pos++;
      }
      int from = pos;
      int v = 0;
      while (pos < end && c.charAt(pos) != ';') {
        char ch = c.charAt(pos);
        int d = ch >= '0' && ch <= '9' ? ch - '0' : radix == 16 && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
            : radix == 16 && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0) throw failAt(at, "a malformed character reference");
        v = v * radix + d;
        if (v > 0x10FFFF) throw failAt(at, "a character reference beyond U+10FFFF");
        pos++;
      }
      if (pos >= end || pos == from) throw failAt(at, "a malformed character reference");
      pos++;
      if (!legal(v)) throw failAt(at, "a character reference to an illegal character (U+" + Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT) + ")");
      b.appendCodePoint(v);
      return;
    }
    if (pos >= end || !(isNameStart(c.charAt(pos)) || Character.isHighSurrogate(c.charAt(pos)))) throw failAt(at, "a '&' that does not begin a reference (write &amp;)");
    String n = name("an entity name");
    if (pos >= end || c.charAt(pos) != ';') throw failAt(at, "a reference not closed by ';'");
    pos++;
    switch (n) {
      case "lt": b.append('<'); return;
      case "gt": b.append('>'); return;
      case "amp": b.append('&'); return;
      case "apos": b.append('\''); return;
      case "quot": b.append('"'); return;
      default:
        throw new Refusal("XML must not use entity references other than the predefined ones (&" + n + "; at " + where(at) + ")");
    }
  }

  /** Appends the character at {@code i} (a surrogate pair whole) after checking it is legal; the index after it. */
  private int character(int i, StringBuilder b) {
    char ch = c.charAt(i);
    if (ch >= 0xD800 && ch <= 0xDBFF) {
      if (i + 1 >= end || c.charAt(i + 1) < 0xDC00 || c.charAt(i + 1) > 0xDFFF) throw failAt(i, "an unpaired surrogate character");
      b.append(ch).append(c.charAt(i + 1));
      return i + 2;
    }
    if (ch < 0x20 ? ch != '\t' && ch != '\n' && ch != '\r' : (ch >= 0xDC00 && ch <= 0xDFFF) || ch == 0xFFFE || ch == 0xFFFF) {
      throw failAt(i, "an illegal character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) ch) + ")");
    }
    b.append(ch);
    return i + 1;
  }

  private void checkChars(int from, int to) {
    StringBuilder scratch = null;
    for (int i = from; i < to; i++) {
      char ch = c.charAt(i);
      if (ch < 0x20 || ch >= 0xD800) {
        if (scratch == null) scratch = new StringBuilder(2);
        scratch.setLength(0);
        i = character(i, scratch) - 1;
      }
    }
  }

  private static boolean legal(int v) {
    return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
  }

  // ------------------------------------------------------------------ names

  private static final int CACHE = 1024;

  /**
   * Names seen before, by hash: the same String for the same name (no copy, a cached hash code, equal
   * by identity to the one a table looked up before). Shared by all threads: a String is immutable, a
   * lost race only costs a copy.
   */
  private static final String[] NAMES = new String[CACHE];

  /** A name at {@code pos}; {@code what} says what it is in a refusal (null: an attribute name of the current start tag). */
  private String name(String what) {
    int from = pos;
    if (pos >= end) throw fail("the document ends where " + what(what) + " should be");
    char ch = c.charAt(pos);
    if (ch >= 0xD800 && ch <= 0xDBFF && pos + 1 < end && Character.isLowSurrogate(c.charAt(pos + 1))) {
      if (!isNameStart(Character.toCodePoint(ch, c.charAt(pos + 1)))) throw fail("not " + what(what));
      pos += 2;
    } else if (!isNameStart(ch)) {
      throw fail("not " + what(what));
    } else {
      pos++;
    }
    int h = ch;
    while (pos < end) {
      ch = c.charAt(pos);
      if (ch < 0x80) {
        if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.' || ch == ':')) break;
        pos++;
      } else if (ch >= 0xD800 && ch <= 0xDBFF && pos + 1 < end && Character.isLowSurrogate(c.charAt(pos + 1))) {
        if (!isNameChar(Character.toCodePoint(ch, c.charAt(pos + 1)))) break;
        pos += 2;
      } else {
        if (!isNameChar(ch)) break;
        pos++;
      }
      h = 31 * h + ch;
    }
    int len = pos - from;
    int slot = (h ^ (h >>> 10) ^ len) & (CACHE - 1);
    String known = NAMES[slot];
    if (known != null && known.length() == len && c.startsWith(known, from)) return known;
    // interned: the instance of the same literal in a codec's table, so a lookup matches by identity
    String s = c.substring(from, pos).intern();
    NAMES[slot] = s;
    return s;
  }

  private String what(String what) { return what != null ? what : "an attribute name of <" + name + ">"; }

  static boolean isNameStart(int ch) {
    if (ch < 0x80) return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || ch == ':';
    return ch >= 0xC0 && ch <= 0xD6 || ch >= 0xD8 && ch <= 0xF6 || ch >= 0xF8 && ch <= 0x2FF || ch >= 0x370 && ch <= 0x37D
        || ch >= 0x37F && ch <= 0x1FFF || ch >= 0x200C && ch <= 0x200D || ch >= 0x2070 && ch <= 0x218F
        || ch >= 0x2C00 && ch <= 0x2FEF || ch >= 0x3001 && ch <= 0xD7FF || ch >= 0xF900 && ch <= 0xFDCF
        || ch >= 0xFDF0 && ch <= 0xFFFD || ch >= 0x10000 && ch <= 0xEFFFF;
  }

  static boolean isNameChar(int ch) {
    if (ch < 0x80) return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.' || ch == ':';
    return isNameStart(ch) || ch == 0xB7 || ch >= 0x300 && ch <= 0x36F || ch >= 0x203F && ch <= 0x2040;
  }

  // ------------------------------------------------------------------ helpers

  private static boolean isSpace(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

  private static boolean isAsciiLetter(char ch) { return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'; }

  /** Skips white space; true when there was some. {@code required}: refuse when there is none. */
  private boolean space(boolean required) {
    int from = pos;
    while (pos < end && isSpace(c.charAt(pos))) pos++;
    if (required && pos == from) throw fail("white space expected");
    return pos > from;
  }

  private boolean startsWith(int at, String s) {
    if (at + s.length() > end) return false;
    for (int i = 0; i < s.length(); i++) if (c.charAt(at + i) != s.charAt(i)) return false;
    return true;
  }

  private StringBuilder builder() {
    if (sb == null) sb = new StringBuilder(64);
    sb.setLength(0);
    return sb;
  }

  private Refusal fail(String rule) { return failAt(Math.min(pos, end), rule); }

  private Refusal failAt(int at, String rule) { return new Refusal("XML is not well-formed: " + rule + " at " + where(at)); }

  /** "line L, column C" of offset {@code at} (1-based; a column counts UTF-16 units). */
  private String where(int at) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < end; i++) {
      if (c.charAt(i) == '\n' || (c.charAt(i) == '\r' && (i + 1 >= end || c.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (at - lineStart + 1);
  }
}
