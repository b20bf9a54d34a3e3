/**
 * The SDK's XML toolkit, the one every typed document is built with (libvirt's domain, network,
 * storage and nwfilter documents in core; the Pacemaker CIB and other tools' XML in feature modules).
 *
 * <ul>
 *   <li>{@link io.kvmsdk.core.xml.ElementCodec}: the declarative mapping of one element, one line per
 *       attribute, text or child, in the order the document writes them; what no line covers is kept in
 *       the value's {@link io.kvmsdk.core.xml.Unmodeled} and written back where it was.</li>
 *   <li>{@link io.kvmsdk.core.xml.XmlDocument}: parse (hardened: no DTDs, no entities, bounded size and
 *       depth), render (libvirt's layout, every value escaped), {@code unmodeledPaths}.</li>
 *   <li>{@link io.kvmsdk.core.xml.ValueType}: how an attribute's text becomes a value and back
 *       ({@code yes/no}, {@code on/off}, unsigned integers, hex, ...); {@link io.kvmsdk.core.xml.SizeCodec}
 *       for {@code <x unit='KiB'>N</x>}.</li>
 *   <li>{@link io.kvmsdk.core.xml.XmlElement}: an immutable element tree for content kept verbatim.</li>
 * </ul>
 *
 * <p>A typed element is an Immutables value class (with {@link io.kvmsdk.core.KvmStyle} on its package)
 * with an {@code unmodeled()} default and a
 * hand-declared builder; its mapping is a constant:
 *
 * <pre>{@code
 * @Value.Immutable
 * public abstract class Primitive {                       // <primitive id='vm1' class='ocf' type='VirtualDomain'/>
 *   public abstract Optional<String> id();
 *   public abstract Optional<String> type();
 *   @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }
 *   public static class Builder extends ImmutablePrimitive.Builder {}
 * }
 *
 * static final ElementCodec<Primitive, Primitive.Builder> PRIMITIVE =
 *     ElementCodec.of("primitive", Primitive.Builder::new, Primitive.Builder::build,
 *             Primitive::unmodeled, Primitive.Builder::unmodeled)
 *         .attr("id", Primitive::id, Primitive.Builder::id)
 *         .attr("type", Primitive::type, Primitive.Builder::type);
 *
 * static final XmlDocument<Primitive> DOC = XmlDocument.of(PRIMITIVE);
 * Primitive p = DOC.parse("<primitive id='vm1' class='ocf' type='VirtualDomain'/>");
 * DOC.unmodeledPaths(p);                                   // [primitive/@class]: kept, not dropped
 * DOC.render(p);                                           // <primitive id='vm1' type='VirtualDomain' class='ocf'/>
 * }</pre>
 *
 * Wrap a large table in {@code ElementCodec.lazy(() -> ElementCodec.of(...)...)} so that it is built on its
 * first use, not when its class loads (a first document then links only the tables it needs).
 *
 * <p>Rules that a document must obey go in the value class's {@code @Value.Check}, throwing
 * {@link io.kvmsdk.core.InvalidSpecException} with the field's path relative to the element; the codec
 * prefixes the path of the element being read.
 */
package io.kvmsdk.core.xml;
