package io.kvmsdk.core.xml;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A declarative element mapping: one line per attribute, text or child, in the order libvirt
 * writes them. Reading fills a builder; whatever no line covers is kept in the value's
 * {@link Unmodeled} and written back where it was. Values are never built by string concatenation:
 * rendering writes every value through {@link XmlWriter#escape} in libvirt's layout, straight into
 * the output without an intermediate tree ({@link #write} still gives the {@link XmlElement} tree).
 *
 * <p>Each method reference of a table is a class the JVM must spin when the table is built. A table
 * declared with {@link #lazy} is only built when a document first needs it, so a first document
 * links only the mappings it uses:
 *
 * <pre>{@code
 * static final ElementCodec<Mac, Mac.Builder> MAC = ElementCodec.lazy(() ->
 *     ElementCodec.of("mac", Mac.Builder::new, Mac.Builder::build, Mac::unmodeled, Mac.Builder::unmodeled)
 *       .attr("address", Mac::address, Mac.Builder::address));
 * }</pre>
 *
 * @param <T> the typed value
 * @param <B> its builder
 */
public final class ElementCodec<T, B> implements Codec<T> {
  private final String name;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Function<T, Unmodeled> getExtras;
  private final BiConsumer<B, Unmodeled> setExtras;
  private final List<AttrField<T, B, ?>> attrs = new ArrayList<>();
  private final List<ChildField<T, B>> children = new ArrayList<>();
  private final Map<String, ChildField<T, B>> childByName = new HashMap<>();
  private final Map<String, AttrField<T, B, ?>> attrByName = new HashMap<>();
  private TextField<T, B, ?> text;
  private Function<T, Map<String, String>> nsGet;
  private BiConsumer<B, Map<String, String>> nsSet;
  /** The codec that holds the table: this one, or the lazily built definition. */
  private volatile ElementCodec<T, B> target;
  private Supplier<ElementCodec<T, B>> definition;

  private ElementCodec(String name, Supplier<B> newBuilder, Function<B, T> build,
      Function<T, Unmodeled> getExtras, BiConsumer<B, Unmodeled> setExtras) {
    this.name = name;
    this.newBuilder = newBuilder;
    this.build = build;
    this.getExtras = getExtras;
    this.setExtras = setExtras;
    this.target = this;
  }

  private ElementCodec(Supplier<ElementCodec<T, B>> definition) {
    this.name = null;
    this.newBuilder = null;
    this.build = null;
    this.getExtras = null;
    this.setExtras = null;
    this.definition = Objects.requireNonNull(definition, "definition");
  }

  /** Starts the mapping of element {@code name}. */
  public static <T, B> ElementCodec<T, B> of(String name, Supplier<B> newBuilder, Function<B, T> build,
      Function<T, Unmodeled> getExtras, BiConsumer<B, Unmodeled> setExtras) {
    return new ElementCodec<>(name, newBuilder, build, getExtras, setExtras);
  }

  /**
   * A mapping built by {@code definition} the first time it is used (read, written or asked its
   * name), so the classes its method references need are only linked when a document needs them.
   * Behaves exactly as the codec {@code definition} returns; thread-safe.
   */
  public static <T, B> ElementCodec<T, B> lazy(Supplier<ElementCodec<T, B>> definition) {
    return new ElementCodec<>(definition);
  }

  /** The codec holding the table, building it on first use. */
  private ElementCodec<T, B> d() {
    ElementCodec<T, B> t = target;
    return t != null ? t : resolve();
  }

  private synchronized ElementCodec<T, B> resolve() {
    if (target == null) {
      ElementCodec<T, B> t = definition.get();
      if (t == null) throw new IllegalStateException("a lazy ElementCodec's definition returned null");
      target = t.d();
      definition = null;
    }
    return target;
  }

  /** The element name this codec maps. */
  public String name() { return d().name; }

  // ------------------------------------------------------------------ declaration

  /** A string attribute. */
  public ElementCodec<T, B> attr(String n, Function<T, Optional<String>> get, BiConsumer<B, Optional<String>> set) {
    return attr(n, ValueType.STRING, get, set);
  }

  /** A typed attribute. */
  public <V> ElementCodec<T, B> attr(String n, ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
    ElementCodec<T, B> d = d();
    AttrField<T, B, V> f = new AttrField<>(n, type, get, set);
    d.attrs.add(f);
    d.attrByName.put(n, f);
    return this;
  }

  /**
   * A typed attribute that libvirt reads leniently (for example {@code managed} compared
   * case-insensitively with 'yes', anything else meaning no): a value that does not parse is kept
   * verbatim, and listed by unmodeledPaths, instead of being refused.
   */
  public <V> ElementCodec<T, B> lenientAttr(String n, ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
    ElementCodec<T, B> d = d();
    AttrField<T, B, V> f = new AttrField<>(n, type, get, set);
    f.lenient = true;
    d.attrs.add(f);
    d.attrByName.put(n, f);
    return this;
  }

  /** The element's own text. */
  public <V> ElementCodec<T, B> text(ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
    d().text = new TextField<>(type, get, set);
    return this;
  }

  /** The element's own text, as a string. */
  public ElementCodec<T, B> text(Function<T, Optional<String>> get, BiConsumer<B, Optional<String>> set) {
    return text(ValueType.STRING, get, set);
  }

  /** At most one child element {@code n}. A second one is kept verbatim. */
  public <C> ElementCodec<T, B> child(String n, Codec<C> codec, Function<T, Optional<C>> get, BiConsumer<B, Optional<C>> set) {
    return addChild(new SingleChild<>(n, codec, get, set));
  }

  /** Any number of child elements {@code n}, in order. */
  public <C> ElementCodec<T, B> list(String n, Codec<C> codec, Function<T, List<C>> get, BiConsumer<B, List<C>> set) {
    return addChild(new ListChild<>(n, codec, get, set));
  }

  /**
   * Any number of child elements whose names are the keys of {@code codecs}, interleaved in one list in
   * document order (libvirt's nwfilter keeps {@code <rule>} and {@code <filterref>} entries in the order
   * written); {@code nameOf} tells which element a value is written as.
   */
  public <C> ElementCodec<T, B> mixedList(Map<String, ? extends Codec<C>> codecs, Function<C, String> nameOf,
      Function<T, List<C>> get, BiConsumer<B, List<C>> set) {
    ElementCodec<T, B> d = d();
    MixedList<T, B, C> f = new MixedList<>(Map.copyOf(codecs), nameOf, get, set);
    for (String n : codecs.keySet()) {
      if (d.childByName.put(n, f) != null) throw new IllegalStateException("duplicate child " + n + " in " + d.name);
    }
    f.index = d.children.size();
    d.children.add(f);
    return this;
  }

  /** A child element holding only text, such as {@code <name>web1</name>}. */
  public <V> ElementCodec<T, B> textChild(String n, ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
    return child(n, new TextOnlyCodec<>(n, type), get, set);
  }

  /** A string-valued text child. */
  public ElementCodec<T, B> textChild(String n, Function<T, Optional<String>> get, BiConsumer<B, Optional<String>> set) {
    return textChild(n, ValueType.STRING, get, set);
  }

  /** Repeated text children, such as {@code <arg>..</arg><arg>..</arg>}. */
  public ElementCodec<T, B> textList(String n, Function<T, List<String>> get, BiConsumer<B, List<String>> set) {
    return list(n, new TextOnlyCodec<>(n, ValueType.STRING), get, set);
  }

  /** A child element carrying one attribute, such as {@code <alias name='ua-disk0'/>}. */
  public <V> ElementCodec<T, B> attrChild(String n, String attr, ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
    return child(n, new AttrOnlyCodec<>(n, attr, type), get, set);
  }

  /** A string-valued {@link #attrChild(String, String, ValueType, Function, BiConsumer)}. */
  public ElementCodec<T, B> attrChild(String n, String attr, Function<T, Optional<String>> get, BiConsumer<B, Optional<String>> set) {
    return attrChild(n, attr, ValueType.STRING, get, set);
  }

  /** Namespace declarations ({@code xmlns:qemu='...'}) of this element, prefix to URI. */
  public ElementCodec<T, B> namespaces(Function<T, Map<String, String>> get, BiConsumer<B, Map<String, String>> set) {
    ElementCodec<T, B> d = d();
    d.nsGet = get;
    d.nsSet = set;
    return this;
  }

  /** An empty marker element whose presence means true, such as {@code <acpi/>}. */
  public ElementCodec<T, B> flag(String n, Function<T, Boolean> get, BiConsumer<B, Boolean> set) {
    return addChild(new FlagChild<>(n, get, set));
  }

  private ElementCodec<T, B> addChild(ChildField<T, B> f) {
    ElementCodec<T, B> d = d();
    if (d.childByName.put(f.name(), f) != null) throw new IllegalStateException("duplicate child " + f.name() + " in " + d.name);
    f.index = d.children.size();
    d.children.add(f);
    return this;
  }

  // ------------------------------------------------------------------ reading

  @Override public T read(XmlElement e, XPath path) { return d().readFrom(new XmlSource.Tree(e), path); }

  /** {@link #readFrom} on the table (built now if lazy). */
  T readStream(XmlSource in, XPath path) { return d().readFrom(in, path); }

  /**
   * Reads the element {@code in} is on (its start) through its end, straight into the builder: the
   * parser's events when the document is parsed, a tree's when a tree is read, with the same result.
   * Returns null when the element is to be kept verbatim ({@code in.kept} then holds it): text this
   * mapping does not take, or text beside child elements (mixed content is never typed).
   */
  T readFrom(XmlSource in, XPath path) {
    long mark = in.mark();
    int level = in.depth;
    B b = newBuilder.get();
    List<Unmodeled.Attribute> extraAttrs = null;
    Map<String, String> ns = null;
    for (int i = 0, k = in.attrCount(); i < k; i++) {
      String an = in.attrName(i);
      AttrField<T, B, ?> f = attrByName.get(an);
      if (f == null && nsSet != null && an.startsWith("xmlns")) {
        if (ns == null) ns = new java.util.LinkedHashMap<>();
        ns.put(an.equals("xmlns") ? "" : an.substring(6), in.attrValue(i));
      } else if (f == null || (f.lenient && !f.parses(in.attrValue(i)))) {
        if (extraAttrs == null) extraAttrs = new ArrayList<>(2);
        extraAttrs.add(new Unmodeled.Attribute(an, in.attrValue(i)));
      } else {
        f.read(b, in.attrValue(i), path);
      }
    }
    String txt = null;           // the element's text, all of it, white space included
    boolean hasText = false;     // some of it is not white space
    boolean kids = false;
    Object[] acc = null;
    List<Unmodeled.Element> extraKids = null;
    String prev = null;
    for (;;) {
      int ev = in.next();
      if (ev == XmlSource.END) break;
      if (ev == XmlSource.TEXT) {
        if (!in.blank()) {
          // text this mapping does not expect, or text beside children: keep the whole element verbatim
          if (text == null || kids) return keepRest(in, level, mark);
          hasText = true;
        }
        if (text != null) txt = txt == null ? in.text() : txt + in.text();
        continue;
      }
      if (ev != XmlSource.START) break; // the cursor refuses a document that ends here
      if (hasText) return keepRest(in, level, mark);
      kids = true;
      String cn = in.name();
      ChildField<T, B> f = childByName.get(cn);
      XmlElement keptChild;
      if (f == null) {
        keptChild = in.tree();
      } else {
        if (acc == null) acc = new Object[children.size()];
        try {
          keptChild = f.accept(in, path, acc);
        } catch (InvalidSpecException x) {
          // as when the whole element was looked at first: text in it means it is kept verbatim, unread
          if (in instanceof XmlReader.Cursor && ((XmlReader.Cursor) in).failed()) throw x;
          if (in.skipRest(level)) return in.keep(in.treeAt(mark));
          throw x;
        }
      }
      if (keptChild != null) {
        if (extraKids == null) extraKids = new ArrayList<>(2);
        extraKids.add(new Unmodeled.Element(prev, keptChild));
      }
      prev = cn;
    }
    if (hasText) text.read(b, txt, path);
    if (acc != null) for (int i = 0; i < acc.length; i++) if (acc[i] != null) children.get(i).finish(b, acc[i]);
    if (ns != null) nsSet.accept(b, ns);
    if (extraAttrs != null || extraKids != null) {
      setExtras.accept(b, Unmodeled.of(extraAttrs == null ? List.of() : extraAttrs, extraKids == null ? List.of() : extraKids));
    }
    return build(b, path);
  }

  /** Consumes the rest of the element open at {@code level} and keeps it verbatim. */
  private static <T> T keepRest(XmlSource in, int level, long mark) {
    in.skipRest(level);
    return in.keep(in.treeAt(mark));
  }

  /**
   * Reads the element {@code in} is on with {@code codec}: the SDK's own codecs straight from the
   * source, any other from the element's tree. Null when it is kept verbatim ({@code in.kept}).
   */
  @SuppressWarnings("unchecked")
  static <C> C readChild(Codec<C> codec, XmlSource in, XPath path) {
    if (codec instanceof ElementCodec) return ((ElementCodec<C, ?>) codec).d().readFrom(in, path);
    if (codec instanceof TextOnlyCodec) return ((TextOnlyCodec<C>) codec).readFrom(in, path);
    if (codec instanceof AttrOnlyCodec) return ((AttrOnlyCodec<C>) codec).readFrom(in, path);
    if (codec instanceof SizeCodec) return (C) ((SizeCodec) codec).readFrom(in, path);
    XmlElement e = in.tree();
    C v = codec.read(e, path);
    return v != null ? v : in.keep(e);
  }

  /**
   * Whether a kept {@code <name>} belongs right after the typed {@code <name>}: the field holds one such
   * element (a second one, or one it could not read, is kept). Anchored to another sibling it could be
   * written before the typed one (which may also be a default the input did not have) and be the typed
   * one on the next read, so each round trip would swap them.
   */
  private boolean followsTyped(String name) {
    ChildField<T, B> f = childByName.get(name);
    return f instanceof SingleChild || f instanceof FlagChild;
  }

  private T build(B b, XPath path) {
    try {
      return build.apply(b);
    } catch (InvalidSpecException x) {
      String rel = x.field();
      String full = rel.equals(name) || rel.startsWith(name + "/")
          ? path + rel.substring(name.length()) // the rule already named this element
          : path + "/" + rel;
      throw new InvalidSpecException(full, x.rule(), x);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException x) {
      throw new InvalidSpecException(path.toString(), String.valueOf(x.getMessage()), x);
    }
  }

  // ------------------------------------------------------------------ writing

  @Override public XmlElement write(T v) { return d().writeTree(v); }

  private XmlElement writeTree(T v) {
    XmlElement.Builder out = XmlElement.builder(name);
    if (nsGet != null) {
      for (Map.Entry<String, String> en : nsGet.apply(v).entrySet()) {
        out.attr(en.getKey().isEmpty() ? "xmlns" : "xmlns:" + en.getKey(), en.getValue());
      }
    }
    for (int i = 0, n = attrs.size(); i < n; i++) attrs.get(i).writeTree(v, out);
    Unmodeled extras = getExtras.apply(v);
    for (Unmodeled.Attribute a : extras.attributes()) out.attr(a.name(), a.value());
    if (text != null) out.text(text.write(v));
    ArrayList<XmlElement> kids = new ArrayList<>();
    for (int i = 0, n = children.size(); i < n; i++) children.get(i).writeTree(v, kids);
    if (!extras.elements().isEmpty()) insertKept(kids, extras.elements());
    for (XmlElement c : kids) out.child(c);
    return out.build();
  }

  /** {@code v} as XML in libvirt's layout, written straight from the value (secrets masked when {@code redact}). */
  String render(T v, boolean redact) {
    StringBuilder sb = new StringBuilder(2048);
    d().writeTo(v, new XmlOut(sb, redact), 0);
    return sb.toString();
  }

  /** Streams {@code v} into {@code out} as the element at {@code depth}; the same text {@link #write} gives. */
  void writeTo(T v, XmlOut out, int depth) {
    out.start(name, depth);
    if (nsGet != null) {
      for (Map.Entry<String, String> en : nsGet.apply(v).entrySet()) {
        out.attr(en.getKey().isEmpty() ? "xmlns" : "xmlns:" + en.getKey(), en.getValue());
      }
    }
    for (int i = 0, n = attrs.size(); i < n; i++) attrs.get(i).writeTo(v, out);
    Unmodeled extras = getExtras.apply(v);
    List<Unmodeled.Attribute> keptAttrs = extras.attributes();
    for (int i = 0, n = keptAttrs.size(); i < n; i++) out.attr(keptAttrs.get(i).name(), keptAttrs.get(i).value());
    String t = text == null ? null : text.write(v);
    out.content(name, t, depth);
    if (extras.elements().isEmpty()) {
      for (int i = 0, n = children.size(); i < n; i++) children.get(i).writeTo(v, out, depth + 1);
    } else {
      writeWithKept(v, extras.elements(), out, depth + 1);
    }
    out.end(name, depth, t != null);
  }

  /** Children in table order with the kept ones put back as {@link #insertKept} does for a tree. */
  private void writeWithKept(T v, List<Unmodeled.Element> kept, XmlOut out, int depth) {
    ArrayList<Slot> kids = new ArrayList<>();
    for (int i = 0, n = children.size(); i < n; i++) children.get(i).slots(v, kids);
    for (Unmodeled.Element k : kept) {
      String anchor = k.after();
      String own = k.element().name();
      if (followsTyped(own)) {
        for (Slot s : kids) if (!s.kept && s.name.equals(own)) { anchor = own; break; }
      }
      int at = 0;
      if (anchor != null) {
        at = kids.size();
        for (int i = kids.size() - 1; i >= 0; i--) {
          if (kids.get(i).name.equals(anchor)) { at = i + 1; break; }
        }
      }
      while (at < kids.size() && kids.get(at).kept) at++;
      Slot s = new Slot(k.element().name(), null, null, k.element());
      s.kept = true;
      kids.add(at, s);
    }
    for (Slot s : kids) s.write(out, depth);
  }

  /** Puts kept children back after the sibling they followed, in their original order. */
  private void insertKept(ArrayList<XmlElement> kids, List<Unmodeled.Element> kept) {
    Set<XmlElement> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Unmodeled.Element k : kept) {
      String anchor = k.after();
      String own = k.element().name();
      if (followsTyped(own)) {
        for (XmlElement c : kids) if (!inserted.contains(c) && c.name().equals(own)) { anchor = own; break; }
      }
      int at = 0;
      if (anchor != null) {
        at = kids.size();
        for (int i = kids.size() - 1; i >= 0; i--) {
          if (kids.get(i).name().equals(anchor)) { at = i + 1; break; }
        }
      }
      while (at < kids.size() && inserted.contains(kids.get(at))) at++;
      kids.add(at, k.element());
      inserted.add(k.element());
    }
  }

  /** Streams {@code v} as written by {@code codec}: the SDK's own codecs directly, any other through its tree. */
  @SuppressWarnings("unchecked")
  static <C> void writeChild(Codec<C> codec, C v, XmlOut out, int depth) {
    if (codec instanceof ElementCodec) ((ElementCodec<C, ?>) codec).d().writeTo(v, out, depth);
    else if (codec instanceof TextOnlyCodec) ((TextOnlyCodec<C>) codec).writeTo(v, out, depth);
    else if (codec instanceof AttrOnlyCodec) ((AttrOnlyCodec<C>) codec).writeTo(v, out, depth);
    else if (codec instanceof SizeCodec) ((SizeCodec) codec).writeTo((io.kvmsdk.core.Size) v, out, depth);
    else out.element(codec.write(v), depth);
  }

  /** One child about to be written, with the name a kept sibling may follow. */
  private static final class Slot {
    final String name;
    final Codec<Object> codec;
    final Object value;
    final XmlElement tree;
    boolean kept;

    Slot(String name, Codec<Object> codec, Object value, XmlElement tree) {
      this.name = name;
      this.codec = codec;
      this.value = value;
      this.tree = tree;
    }

    @SuppressWarnings("unchecked")
    static <C> Slot of(Codec<C> codec, C v) {
      String n;
      if (codec instanceof ElementCodec) n = ((ElementCodec<C, ?>) codec).name();
      else if (codec instanceof TextOnlyCodec) n = ((TextOnlyCodec<C>) codec).name;
      else if (codec instanceof AttrOnlyCodec) n = ((AttrOnlyCodec<C>) codec).name;
      else if (codec instanceof SizeCodec) n = ((SizeCodec) codec).name();
      else {
        XmlElement e = codec.write(v);
        return new Slot(e.name(), null, null, e);
      }
      return new Slot(n, (Codec<Object>) codec, v, null);
    }

    void write(XmlOut out, int depth) {
      if (tree != null) out.element(tree, depth);
      else if (codec == null) out.leaf(name, null, null, depth); // a flag
      else writeChild(codec, value, out, depth);
    }
  }

  @Override public void unmodeled(T v, String path, List<String> out) { d().unmodeledTable(v, path, out); }

  private void unmodeledTable(T v, String path, List<String> out) {
    getExtras.apply(v).paths(path, out);
    for (ChildField<T, B> f : children) f.unmodeled(v, path, out);
  }

  // ------------------------------------------------------------------ fields

  private static final class AttrField<T, B, V> {
    final String name;
    final ValueType<V> type;
    final Function<T, Optional<V>> get;
    final BiConsumer<B, Optional<V>> set;
    boolean lenient;

    AttrField(String name, ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
      this.name = name;
      this.type = type;
      this.get = get;
      this.set = set;
    }

    boolean parses(String raw) {
      try {
        type.parse(raw);
        return true;
      } catch (IllegalArgumentException x) {
        return false;
      }
    }

    void read(B b, String raw, XPath path) {
      V v;
      try {
        v = type.parse(raw);
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.attr(name), x.getMessage(), x);
      }
      set.accept(b, Optional.of(v));
    }

    void writeTree(T t, XmlElement.Builder out) {
      Optional<V> v = get.apply(t);
      if (v.isPresent()) out.attr(name, type.format(v.get()));
    }

    void writeTo(T t, XmlOut out) {
      Optional<V> v = get.apply(t);
      if (v.isPresent()) out.attr(name, type.format(v.get()));
    }
  }

  private static final class TextField<T, B, V> {
    final ValueType<V> type;
    final Function<T, Optional<V>> get;
    final BiConsumer<B, Optional<V>> set;

    TextField(ValueType<V> type, Function<T, Optional<V>> get, BiConsumer<B, Optional<V>> set) {
      this.type = type;
      this.get = get;
      this.set = set;
    }

    void read(B b, String raw, XPath path) {
      String s = type == ValueType.STRING ? raw : raw.trim();
      try {
        set.accept(b, Optional.of(type.parse(s)));
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.toString(), x.getMessage(), x);
      }
    }

    String write(T t) {
      Optional<V> v = get.apply(t);
      return v.isPresent() ? type.format(v.get()) : null;
    }
  }

  private abstract static class ChildField<T, B> {
    /** Position in the table: where this field accumulates while an element is read. */
    int index;

    abstract String name();

    /** Takes the child {@code in} is on into {@code acc[index]} (null), or gives it back to keep verbatim. */
    abstract XmlElement accept(XmlSource in, XPath parent, Object[] acc);

    abstract void finish(B b, Object accumulated);

    abstract void writeTree(T t, List<XmlElement> out);

    abstract void writeTo(T t, XmlOut out, int depth);

    /** The children this field writes, in order (only when kept siblings must be placed among them). */
    abstract void slots(T t, List<Slot> out);

    void unmodeled(T t, String path, List<String> out) {}
  }

  private static final class SingleChild<T, B, C> extends ChildField<T, B> {
    final String name;
    final Codec<C> codec;
    final Function<T, Optional<C>> get;
    final BiConsumer<B, Optional<C>> set;

    SingleChild(String name, Codec<C> codec, Function<T, Optional<C>> get, BiConsumer<B, Optional<C>> set) {
      this.name = name;
      this.codec = codec;
      this.get = get;
      this.set = set;
    }

    @Override String name() { return name; }

    @Override XmlElement accept(XmlSource in, XPath parent, Object[] acc) {
      if (acc[index] != null) return in.tree(); // a second one
      C v = readChild(codec, in, parent.child(name));
      if (v == null) return in.takeKept();
      acc[index] = v;
      return null;
    }

    @SuppressWarnings("unchecked")
    @Override void finish(B b, Object accumulated) { set.accept(b, Optional.of((C) accumulated)); }

    @Override void writeTree(T t, List<XmlElement> out) {
      Optional<C> v = get.apply(t);
      if (v.isPresent()) out.add(codec.write(v.get()));
    }

    @Override void writeTo(T t, XmlOut out, int depth) {
      Optional<C> v = get.apply(t);
      if (v.isPresent()) writeChild(codec, v.get(), out, depth);
    }

    @Override void slots(T t, List<Slot> out) {
      Optional<C> v = get.apply(t);
      if (v.isPresent()) out.add(Slot.of(codec, v.get()));
    }

    @Override void unmodeled(T t, String path, List<String> out) {
      Optional<C> v = get.apply(t);
      if (v.isPresent()) codec.unmodeled(v.get(), path + "/" + name, out);
    }
  }

  private static final class ListChild<T, B, C> extends ChildField<T, B> {
    final String name;
    final Codec<C> codec;
    final Function<T, List<C>> get;
    final BiConsumer<B, List<C>> set;

    ListChild(String name, Codec<C> codec, Function<T, List<C>> get, BiConsumer<B, List<C>> set) {
      this.name = name;
      this.codec = codec;
      this.get = get;
      this.set = set;
    }

    @Override String name() { return name; }

    @SuppressWarnings("unchecked")
    @Override XmlElement accept(XmlSource in, XPath parent, Object[] acc) {
      ArrayList<C> l = (ArrayList<C>) acc[index];
      C v = readChild(codec, in, parent.child(name, (l == null ? 0 : l.size()) + 1));
      if (v == null) return in.takeKept();
      if (l == null) acc[index] = l = new ArrayList<>();
      l.add(v);
      return null;
    }

    @SuppressWarnings("unchecked")
    @Override void finish(B b, Object accumulated) { set.accept(b, (List<C>) accumulated); }

    @Override void writeTree(T t, List<XmlElement> out) {
      for (C c : get.apply(t)) out.add(codec.write(c));
    }

    @Override void writeTo(T t, XmlOut out, int depth) {
      List<C> l = get.apply(t);
      for (int i = 0, n = l.size(); i < n; i++) writeChild(codec, l.get(i), out, depth);
    }

    @Override void slots(T t, List<Slot> out) {
      for (C c : get.apply(t)) out.add(Slot.of(codec, c));
    }

    @Override void unmodeled(T t, String path, List<String> out) {
      for (C c : get.apply(t)) codec.unmodeled(c, path + "/" + name, out);
    }
  }

  private static final class MixedList<T, B, C> extends ChildField<T, B> {
    final Map<String, Codec<C>> codecs;
    final Function<C, String> nameOf;
    final Function<T, List<C>> get;
    final BiConsumer<B, List<C>> set;

    MixedList(Map<String, Codec<C>> codecs, Function<C, String> nameOf, Function<T, List<C>> get, BiConsumer<B, List<C>> set) {
      this.codecs = codecs;
      this.nameOf = nameOf;
      this.get = get;
      this.set = set;
    }

    @Override String name() { return String.join("|", new java.util.TreeSet<>(codecs.keySet())); }

    @SuppressWarnings("unchecked")
    @Override XmlElement accept(XmlSource in, XPath parent, Object[] acc) {
      ArrayList<C> l = (ArrayList<C>) acc[index];
      String n = in.name();
      int at = 1;
      if (l != null) for (C x : l) if (nameOf.apply(x).equals(n)) at++;
      C v = readChild(codecs.get(n), in, parent.child(n, at));
      if (v == null) return in.takeKept();
      if (l == null) acc[index] = l = new ArrayList<>();
      l.add(v);
      return null;
    }

    @SuppressWarnings("unchecked")
    @Override void finish(B b, Object accumulated) { set.accept(b, (List<C>) accumulated); }

    @Override void writeTree(T t, List<XmlElement> out) {
      for (C c : get.apply(t)) out.add(codec(c).write(c));
    }

    @Override void writeTo(T t, XmlOut out, int depth) {
      for (C c : get.apply(t)) writeChild(codec(c), c, out, depth);
    }

    @Override void slots(T t, List<Slot> out) {
      for (C c : get.apply(t)) out.add(Slot.of(codec(c), c));
    }

    @Override void unmodeled(T t, String path, List<String> out) {
      for (C c : get.apply(t)) codec(c).unmodeled(c, path + "/" + nameOf.apply(c), out);
    }

    private Codec<C> codec(C c) {
      Codec<C> k = codecs.get(nameOf.apply(c));
      if (k == null) throw new IllegalStateException("no mapping for <" + nameOf.apply(c) + ">");
      return k;
    }
  }

  private static final class FlagChild<T, B> extends ChildField<T, B> {
    final String name;
    final Function<T, Boolean> get;
    final BiConsumer<B, Boolean> set;

    FlagChild(String name, Function<T, Boolean> get, BiConsumer<B, Boolean> set) {
      this.name = name;
      this.get = get;
      this.set = set;
    }

    @Override String name() { return name; }

    @Override XmlElement accept(XmlSource in, XPath parent, Object[] acc) {
      if (in.attrCount() > 0 || acc[index] != null) return in.tree();
      long mark = in.mark();
      int level = in.depth;
      for (;;) {
        int ev = in.next();
        if (ev == XmlSource.END) break;
        if (ev == XmlSource.TEXT && in.blank()) continue;
        in.skipRest(level); // not empty: kept verbatim
        return in.treeAt(mark);
      }
      acc[index] = Boolean.TRUE;
      return null;
    }

    @Override void finish(B b, Object accumulated) { set.accept(b, Boolean.TRUE); }

    @Override void writeTree(T t, List<XmlElement> out) {
      if (Boolean.TRUE.equals(get.apply(t))) out.add(XmlElement.leaf(name));
    }

    @Override void writeTo(T t, XmlOut out, int depth) {
      if (Boolean.TRUE.equals(get.apply(t))) out.leaf(name, null, null, depth);
    }

    @Override void slots(T t, List<Slot> out) {
      if (Boolean.TRUE.equals(get.apply(t))) out.add(new Slot(name, null, null, null));
    }
  }

  /**
   * After an element's start: reads through its end; true when it held nothing (white space at most),
   * else false with the element kept verbatim ({@code in.kept}).
   */
  static boolean emptyRest(XmlSource in) {
    long mark = in.mark();
    int level = in.depth;
    for (;;) {
      int ev = in.next();
      if (ev == XmlSource.END) return true;
      if (ev == XmlSource.TEXT && in.blank()) continue;
      in.skipRest(level);
      in.keep(in.treeAt(mark));
      return false;
    }
  }

  /**
   * After an element's start: reads its text through its end, "" when it has none that is not white
   * space (as a tree keeps it); null, with the element kept verbatim ({@code in.kept}), when it has a child.
   */
  static String textOnly(XmlSource in) {
    long mark = in.mark();
    int level = in.depth;
    String txt = null;
    boolean hasText = false;
    for (;;) {
      int ev = in.next();
      if (ev == XmlSource.END) return hasText ? txt : "";
      if (ev == XmlSource.TEXT) {
        if (!hasText && !in.blank()) hasText = true;
        txt = txt == null ? in.text() : txt + in.text();
        continue;
      }
      in.skipRest(level);
      in.keep(in.treeAt(mark));
      return null;
    }
  }

  /** {@code <n attr='v'/>} with nothing else; anything else is kept verbatim. */
  static final class AttrOnlyCodec<V> implements Codec<V> {
    final String name;
    final String attr;
    final ValueType<V> type;

    AttrOnlyCodec(String name, String attr, ValueType<V> type) {
      this.name = name;
      this.attr = attr;
      this.type = type;
    }

    @Override public V read(XmlElement e, XPath path) { return readFrom(new XmlSource.Tree(e), path); }

    V readFrom(XmlSource in, XPath path) {
      if (in.attrCount() != 1 || !in.attrName(0).equals(attr)) return in.keep(in.tree());
      String raw = in.attrValue(0);
      if (!emptyRest(in)) return null;
      try {
        return type.parse(raw);
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.attr(attr), x.getMessage(), x);
      }
    }

    @Override public XmlElement write(V v) { return XmlElement.builder(name).attr(attr, type.format(v)).build(); }

    void writeTo(V v, XmlOut out, int depth) { out.leaf(name, attr, type.format(v), depth); }
  }

  /** {@code <n>text</n>} with no attributes or children; anything else is kept verbatim. */
  static final class TextOnlyCodec<V> implements Codec<V> {
    final String name;
    final ValueType<V> type;

    TextOnlyCodec(String name, ValueType<V> type) {
      this.name = name;
      this.type = type;
    }

    @Override public V read(XmlElement e, XPath path) { return readFrom(new XmlSource.Tree(e), path); }

    V readFrom(XmlSource in, XPath path) {
      if (in.attrCount() > 0) return in.keep(in.tree());
      String raw = textOnly(in);
      if (raw == null) return null;
      try {
        return type.parse(type == ValueType.STRING ? raw : raw.trim());
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.toString(), x.getMessage(), x);
      }
    }

    @Override public XmlElement write(V v) {
      String s = type.format(v);
      return XmlElement.builder(name).text(s.isEmpty() ? null : s).build();
    }

    void writeTo(V v, XmlOut out, int depth) {
      String s = type.format(v);
      out.textLeaf(name, s.isEmpty() ? null : s, depth);
    }
  }
}
