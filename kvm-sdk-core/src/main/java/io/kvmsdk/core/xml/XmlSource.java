package io.kvmsdk.core.xml;

import java.util.List;

/**
 * What a codec reads an element from: the events of the parser itself ({@link XmlReader.Cursor}, no
 * tree in between) or of an {@link XmlElement} tree ({@link Tree}). Positioned on an element's start,
 * a reader takes its attributes, then calls {@link #next} until its end; an element it will not type
 * is handed back whole, as a tree, through {@link #keep}: taken as it is before anything of it was
 * read ({@link #tree}), or recovered from where it started ({@link #treeAt}) after a codec read into it
 * and then found something it does not type.
 */
abstract class XmlSource {
  static final int START = 1;
  static final int END = 2;
  static final int TEXT = 3;
  static final int EOF = 4;

  /** Elements open at the current position: 1 on the root's start, 0 after its end. */
  int depth;
  /** The element a codec declined, set by {@link #keep}. */
  XmlElement kept;

  /** Advances to the next start, end or text (comments and processing instructions are skipped). */
  abstract int next();

  /** On a start: the element's qualified name as written. */
  abstract String name();

  abstract int attrCount();

  /** On a start: attribute {@code i}'s qualified name (namespace declarations are attributes). */
  abstract String attrName(int i);

  abstract String attrValue(int i);

  /** On a text: whether it is white space only. */
  abstract boolean blank();

  /** On a text: its characters. */
  abstract String text();

  /** On a start: where the element begins, for {@link #treeAt}. */
  abstract long mark();

  /** On a start: the whole element as a tree; the source is then past its end. */
  abstract XmlElement tree();

  /** Right after the element that began at {@code mark} ended: that element as a tree, exactly as {@link #tree} gives it. */
  abstract XmlElement treeAt(long mark);

  /** Keeps {@code e} verbatim: the reader returns the null this returns, its caller takes {@link #kept}. */
  final <T> T keep(XmlElement e) {
    kept = e;
    return null;
  }

  /** The element a reader returned null for. */
  final XmlElement takeKept() {
    XmlElement e = kept;
    kept = null;
    return e;
  }

  /**
   * Inside the element open at {@code level}: consumes the rest of it, through its end; true when it
   * holds, directly, text that is not white space.
   */
  boolean skipRest(int level) {
    boolean text = false;
    for (;;) {
      int ev = next();
      if (ev == END) {
        if (depth < level) return text;
      } else if (ev == TEXT) {
        if (depth == level && !text && !blank()) text = true;
      } else if (ev == EOF) {
        return text;
      }
    }
  }

  /** The events of an element tree: its text (all of it) first, then its children. */
  static final class Tree extends XmlSource {
    private XmlElement[] open = new XmlElement[8];
    private int[] next = new int[8];   // the next child to visit, -1 before the text
    private XmlElement current;        // the element of the current start
    private String text;

    /** Positioned on the start of {@code root}. */
    Tree(XmlElement root) {
      depth = 1;
      open[1] = root;
      next[1] = -1;
      current = root;
    }

    @Override int next() {
      if (depth == 0) return EOF;
      XmlElement e = open[depth];
      int i = next[depth];
      if (i < 0) {
        next[depth] = 0;
        if (e.text() != null) {
          text = e.text();
          return TEXT;
        }
        i = 0;
      }
      List<XmlElement> kids = e.children();
      if (i < kids.size()) {
        next[depth] = i + 1;
        XmlElement c = kids.get(i);
        if (++depth == open.length) {
          open = java.util.Arrays.copyOf(open, depth * 2);
          next = java.util.Arrays.copyOf(next, depth * 2);
        }
        open[depth] = c;
        next[depth] = -1;
        current = c;
        return START;
      }
      depth--;
      return END;
    }

    @Override String name() { return current.name(); }

    @Override int attrCount() { return current.attrCount(); }

    @Override String attrName(int i) { return current.attrName(i); }

    @Override String attrValue(int i) { return current.attrValue(i); }

    @Override boolean blank() { return false; } // a tree keeps only text that is not blank

    @Override String text() { return text; }

    @Override long mark() { return depth; }

    @Override XmlElement tree() {
      XmlElement e = open[depth];
      depth--;
      return e;
    }

    @Override XmlElement treeAt(long mark) { return open[(int) mark]; }
  }
}
