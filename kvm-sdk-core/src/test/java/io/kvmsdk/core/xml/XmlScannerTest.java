package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ctc.wstx.stax.WstxInputFactory;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's scanner against Woodstox (the StAX parser the SDK used before, configured as it was: not
 * namespace-aware, no DTD support, coalescing): the same events (names, attributes in order, text after
 * line-end and attribute normalization) and the same verdict, over libvirt's corpus, hand-picked corner
 * cases and seeded random mutations of XML that reach every rule of the grammar.
 */
class XmlScannerTest {
  private static final XMLInputFactory WOODSTOX = woodstox();

  private static XMLInputFactory woodstox() {
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Woodstox's events as lines ("S name a=v ...", "T text", "E"), or "REFUSED". Text outside the root is not an event. */
  static String woodstoxEvents(String xml) {
    StringBuilder out = new StringBuilder();
    try {
      XMLStreamReader r = WOODSTOX.createXMLStreamReader(new StringReader(xml));
      int depth = 0;
      StringBuilder text = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
          if (depth > 0) {
            if (text == null) text = new StringBuilder();
            text.append(r.getText());
          }
          continue;
        }
        if (ev == XMLStreamConstants.COMMENT || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) continue;
        if (text != null) {
          out.append("T ").append(text).append('\n');
          text = null;
        }
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT:
            depth++;
            out.append("S ").append(r.getLocalName());
            for (int i = 0; i < r.getAttributeCount(); i++) out.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
            out.append('\n');
            break;
          case XMLStreamConstants.END_ELEMENT:
            depth--;
            out.append("E\n");
            break;
          case XMLStreamConstants.DTD:
          case XMLStreamConstants.ENTITY_REFERENCE:
            return "REFUSED";
          default:
            break;
        }
      }
      return out.toString();
    } catch (Exception e) {
      return "REFUSED";
    }
  }

  /** The scanner's events in the same form (consecutive texts joined, as a reader of the element sees them). */
  static String scannerEvents(String xml) {
    StringBuilder out = new StringBuilder();
    try {
      XmlScanner s = new XmlScanner(xml, 0, false);
      StringBuilder text = null;
      for (;;) {
        int ev = s.next();
        if (ev == XmlScanner.TEXT) {
          if (text == null) text = new StringBuilder();
          text.append(s.text());
          continue;
        }
        if (text != null) {
          out.append("T ").append(text).append('\n');
          text = null;
        }
        if (ev == XmlScanner.EOF) return out.toString();
        if (ev == XmlScanner.START) {
          out.append("S ").append(s.name());
          for (int i = 0; i < s.attrCount(); i++) out.append(' ').append(s.attrName(i)).append('=').append(s.attrValue(i));
          out.append('\n');
        } else {
          out.append("E\n");
        }
      }
    } catch (XmlScanner.Refusal e) {
      return "REFUSED";
    }
  }

  private static void same(String xml) {
    assertThat(scannerEvents(xml)).as("events of %s", show(xml)).isEqualTo(woodstoxEvents(xml));
  }

  private static String show(String xml) {
    StringBuilder b = new StringBuilder();
    for (char ch : xml.toCharArray()) {
      if (ch < 0x20 || ch > 0x7e) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.toString();
  }

  @Test
  void everyCorpusDocumentGivesWoodstoxsEvents() throws Exception {
    Path corpus = Oracles.sharedPath("corpus/libvirt-9.0.0");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(600);
    for (Path f : files) {
      String xml = Files.readString(f);
      String expected = woodstoxEvents(xml);
      assertThat(scannerEvents(xml)).as(f.toString()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<a/>", "<a></a>", "<a b='1' c=\"2\"/>", "<a b = '1'\n\tc\t=\"x'y\"/>", "<?xml version='1.0'?><a/>",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a/>", "<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>",
      "<?xml version='1.1'?><a/>", "<?xml version='2.0'?><a/>", "<?xml version='1.x'?><a/>", "<?xml version='1'?><a/>", "<?xml  version='1.0' ?><a/>", "<?xml version='1.0'encoding='UTF-8'?><a/>",
      "<?xml encoding='UTF-8'?><a/>", "<?xml version='1.0' standalone='maybe'?><a/>", "<?xml version='1.0' encoding=''?><a/>",
      " <?xml version='1.0'?><a/>", "<a/><?xml version='1.0'?>", "<?XML version='1.0'?><a/>", "<?xml?><a/>", "<?xml-stylesheet href='x'?><a/>",
      "<a>x<?xml y?></a>", "<a><?pi?></a>", "<a><?pi data ?? ?></a>", "<a><?pi?x?></a>", "<?xm?><a/>",
      "<a>&lt;&gt;&amp;&apos;&quot;</a>", "<a b='&lt;&amp;&#60;&#x3c;&#X3c;'/>", "<a>&#0;</a>", "<a>&#x1F600;</a>", "<a>&#xD800;</a>",
      "<a>&#x110000;</a>", "<a>&#99999999999;</a>", "<a>&#;</a>", "<a>&#x;</a>", "<a>&#12a;</a>", "<a>&#١٢;</a>", "<a>&foo;</a>", "<a>&;</a>",
      "<a>& b</a>", "<a>&amp</a>", "<a b='&foo;'/>", "<a b='x&y'/>", "<a>&verylongentityname;</a>", "<a>&1x;</a>",
      "<a>\r\n\rx\r</a>", "<a b='\r\n1\t2\n3\r4'/>", "<a b='&#13;&#10;&#9;'/>", "<a>\u0001</a>", "<a b='\u0001'/>", "<a>\u000b</a>",
      "<a>\ud83d\ude00</a>", "<a>\ufffd</a>", "<a>\ue000</a>",
      "<a>]]></a>", "<a>]]</a>", "<a>]>]</a>", "<a><![CDATA[x]]></a>", "<a>1<![CDATA[<2>]]>3</a>", "<a><![CDATA[]]]]><![CDATA[>]]></a>",
      "<![CDATA[x]]><a/>", "<a><![CDATA[x</a>", "<a><![CDATA[\r\nx\u0001]]></a>", "<a><![cdata[x]]></a>",
      "<a><!-- c --></a>", "<a>x<!-- c -->y</a>", "<a><!-- a -- b --></a>", "<a><!-- c ---></a>", "<a><!----></a>", "<a><!--></a>",
      "<a><!---></a>", "<!-- before --><a/><!-- after -->", "<a><!-- \u0001 --></a>", "<a><!- c --></a>",
      "<!DOCTYPE a><a/>", "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "<a><!DOCTYPE a></a>", "<a><!ELEMENT a ANY></a>",
      "", " ", "x", "<a>", "<a><b></a></b>", "<a></b>", "</a>", "<a/><b/>", "<a/>x", "<a/>&amp;", "x<a/>", "<a/>   \n",
      "<a b='1' b='2'/>", "<a b='1'c='2'/>", "<a b=1/>", "<a b='1/>", "<a b/>", "<a b='<'/>", "<a b='>'/>", "<a b=\"'\"/>",
      "<1a/>", "<-a/>", "<.a/>", "<a-b.c_d:e/>", "<:a/>", "<a:/>", "<a:b:c/>", "<a xmlns:x='u'><x:b/></a>", "<x:a/>",
      "<\u00e9/>", "<a\u00b7/>", "<\u00b7a/>", "<a\u0300/>", "<\u0300a/>", "<\u4e2d\u6587/>", "<\ud800\udc00/>", "<a\u037e/>",
      "<a ></a >", "<a></a\n>", "< a/>", "<a/ >", "<a / >", "</ a>", "<a></ a>", "<a>\u00a0</a>", "<a>\u2028</a>",
      "\ufeff<a/>", "<a>\ufeff</a>", "<a/>\u0000", "<a>&#x9;&#xA;&#xD;</a>", "<a>&#x20;</a>", "<a>&#x0D;</a>", "<a>&#65;&#x41;</a>",
      "<a>x</a>\n<!-- c -->\n<?pi x?>\n", "<a><b>1</b>2<c/>3</a>", "<a>\n  <b/>\n</a>",
  })
  void cornerCasesGiveWoodstoxsEventsAndVerdict(String xml) {
    same(xml);
  }

  /** Mutations of documents that use every construct, with the characters XML's rules turn on. */
  @Test
  void seededMutationsGiveWoodstoxsEventsAndVerdict() {
    String[] seeds = {
        "<?xml version='1.0' encoding='UTF-8'?>\n<!-- head -->\n<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
            + "  <name>vm&amp;1</name>\n  <memory unit='KiB'>1024</memory>\n  <description><![CDATA[a <b> c]]> &#x41;&#66;</description>\n"
            + "  <devices><disk type=\"file\" device='disk'><source file='/a b&apos;c'/></disk><?pi data?></devices>\n"
            + "  <qemu:commandline><qemu:arg value='-x'/></qemu:commandline>\n</domain>\n",
        "<a b='1'>t<c d=\"&lt;\">u<!-- x -->v</c><![CDATA[w]]>&gt;</a>",
    };
    String alphabet = "<>/!?-[]=&;#x'\" \t\r\nabAB:._0129\u00e9\u00b7\u0300\u0001\ud83d\ude00\ufffe";
    Random rnd = new Random(20261206L);
    int refused = 0;
    int cases = 20_000;
    for (int i = 0; i < cases; i++) {
      StringBuilder b = new StringBuilder(seeds[rnd.nextInt(seeds.length)]);
      for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
        int at = rnd.nextInt(b.length() + 1);
        switch (rnd.nextInt(4)) {
          case 0 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
          case 2 -> { if (at < b.length()) b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length()))); }
          default -> {
            String[] pieces = {"<![CDATA[", "]]>", "<!--", "-->", "&#x", "&amp;", "&lt;", "<?", "?>", "</", "/>", "<!DOCTYPE", "&#1", "&foo;"};
            b.insert(at, pieces[rnd.nextInt(pieces.length)]);
          }
        }
      }
      String xml = b.toString();
      // Woodstox knows versions 1.0 and 1.1 only; XML 1.0's fifth edition (and libxml2) take any 1.x
      String expected = notXmlChars(xml) ? "REFUSED" : woodstoxEvents(xml.replaceFirst("^<\\?xml version='1\\.[0-9]+'", "<?xml version='1.0'"));
      if (expected.equals("REFUSED")) refused++;
      assertThat(scannerEvents(xml)).as("case %d: %s", i, show(xml)).isEqualTo(expected);
    }
    // both verdicts are exercised
    assertThat(refused).isBetween(cases / 10, cases * 9 / 10);
  }

  /**
   * A character XML 1.0 does not allow anywhere (a lone surrogate, U+FFFE/U+FFFF, a control character):
   * Woodstox lets some through (in text, or inside the XML declaration), libxml2 refuses them all.
   */
  static boolean notXmlChars(String xml) {
    for (int i = 0; i < xml.length(); i++) {
      char ch = xml.charAt(i);
      if (ch == 0xFFFE || ch == 0xFFFF || ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') return true;
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= xml.length() || !Character.isLowSurrogate(xml.charAt(i + 1))) return true;
        i++;
      } else if (Character.isLowSurrogate(ch)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where Woodstox is laxer or older than XML 1.0's fifth edition, the scanner follows the edition and
   * libxml2, the parser libvirt itself uses: lone surrogates and U+FFFE/U+FFFF are refused (Woodstox
   * passes them on), and names take the fifth edition's characters (Woodstox refuses {@code <a\u2070/>}).
   */
  @Test
  void whereWoodstoxDiffersTheScannerFollowsXml10FifthEditionAsLibxml2Does() {
    for (String bad : List.of("<a>\ud83d</a>", "<a>\ude00</a>", "<a b='\ud83d'/>", "<a>\ufffe</a>", "<a>\uffff</a>")) {
      assertThat(woodstoxEvents(bad)).as(show(bad)).isNotEqualTo("REFUSED");
      assertThat(scannerEvents(bad)).as(show(bad)).isEqualTo("REFUSED");
    }
    assertThat(woodstoxEvents("<a\u2070/>")).isEqualTo("REFUSED");
    assertThat(scannerEvents("<a\u2070/>")).isEqualTo("S a\u2070\nE\n");
  }

  /** libvirt's own parser (libxml2, through xmllint) gives the scanner's verdict on the corner cases and on seeded mutations. */
  @Test
  void libxml2GivesTheScannersVerdict() throws Exception {
    Proc.require("xmllint");
    List<String> docs = new ArrayList<>(List.of("<a>\ufffe</a>", "<a\u2070/>", "<a>&#xFFFE;</a>", "<a>\u0001</a>", "<a b='1' b='2'/>",
        "<?xml version='1.0' standalone='maybe'?><a/>", "<a><!-- a -- b --></a>", "<a>]]></a>", "<a/><b/>", "<?xml version='1.1'?><a/>", "<?xml version='1.00'?><a/>", "<?xml version='1.x'?><a/>"));
    Random rnd = new Random(7L);
    String seed = "<?xml version='1.0'?>\n<a b='1'>t<c d=\"&lt;\">u<!-- x -->v</c><![CDATA[w]]>&gt;<?p q?></a>";
    String alphabet = "<>/!?-[]=&;#x'\" \t\nab:._01\u00e9\u00b7\u0300\u0001";
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder(seed);
      int at = rnd.nextInt(b.length());
      if (rnd.nextBoolean()) b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
      else b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
      docs.add(b.toString());
    }
    // one xmllint run over all of them: a document per file, the files that fail are named on stderr
    Path dir = Files.createTempDirectory("xmlscanner");
    List<String> argv = new ArrayList<>(List.of("xmllint", "--noout", "--nonet"));
    for (int i = 0; i < docs.size(); i++) {
      Path f = dir.resolve("d" + i + ".xml");
      Files.writeString(f, docs.get(i), java.nio.charset.StandardCharsets.UTF_8);
      argv.add(f.toString());
    }
    Proc.Result r = Proc.run(argv, null, 120);
    java.util.Set<Integer> refusedByLibxml2 = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/d(\\d+)\\.xml:\\d+: parser error").matcher(r.err());
    while (m.find()) refusedByLibxml2.add(Integer.parseInt(m.group(1)));
    for (int i = 0; i < docs.size(); i++) {
      String xml = docs.get(i);
      boolean ours = scannerEvents(xml).equals("REFUSED");
      if (xml.contains("<!DOCTYPE") || xml.matches("(?s).*&[A-Za-z_][^;]*;.*") && ours) continue; // refusals of choice
      assertThat(ours).as("refused %s (libxml2: %s)", show(xml), refusedByLibxml2.contains(i)).isEqualTo(refusedByLibxml2.contains(i));
    }
  }

  @Test
  void refusalsNameTheRuleAndThePlaceButNeverTheText() {
    assertThatThrownBy(() -> XmlElement.parse("<a>\n <b secret='s3cr3t&x'/></a>"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("not well-formed")
        .hasMessageContaining("line 2, column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    assertThatThrownBy(() -> XmlElement.parse("<a><b></a>"))
        .hasMessageContaining("</a> does not match <b>");
    assertThatThrownBy(() -> XmlElement.parse("<a>&bogus;</a>"))
        .hasMessageContaining("entity references other than the predefined ones");
  }

  /** Duplicate attributes are found in linear time: a start tag of 300,000 attributes (within the size limit) reads in well under a second's work. */
  @Test
  void manyAttributesAreCheckedForDuplicatesInLinearTime() {
    StringBuilder b = new StringBuilder("<a");
    for (int i = 0; i < 300_000; i++) b.append(" a").append(i).append("=''");
    String many = b.append("/>").toString();
    long t0 = System.nanoTime();
    assertThat(scannerEvents(many)).startsWith("S a a0= a1= a2=");
    assertThat(System.nanoTime() - t0).as("nanoseconds").isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
    assertThat(scannerEvents("<a b0='' b1='' b2='' b3='' b4='' b5='' b6='' b7='' b8='' b9='' b10='' b11='' b12='' b13='' b14='' b15='' b16='' b17='' b3=''/>"))
        .isEqualTo("REFUSED");
    assertThat(scannerEvents("<a b0='' b1='' b2='' b3='' b4='' b5='' b6='' b7='' b8='' b9='' b10='' b11='' b12='' b13='' b14='' b15='' b16='' b17='' b16=''/>"))
        .isEqualTo("REFUSED");
    // a set once past 16 in one tag does not leak into the next tag's check
    assertThat(scannerEvents("<r><a " + "x0='' x1='' x2='' x3='' x4='' x5='' x6='' x7='' x8='' x9='' x10='' x11='' x12='' x13='' x14='' x15='' x16='' x17=''/>"
        + "<b " + "x0='' x1='' x2='' x3='' x4='' x5='' x6='' x7='' x8='' x9='' x10='' x11='' x12='' x13='' x14='' x15='' x16='' x17=''/></r>")).doesNotContain("REFUSED");
  }

  @Test
  void aFragmentScannerReadsOneElementAndStops() {
    String xml = "<a><b x='1'>t<c/></b><d/></a>";
    XmlScanner s = new XmlScanner(xml, xml.indexOf("<b"), true);
    List<Integer> events = new ArrayList<>();
    for (int ev; (ev = s.next()) != XmlScanner.EOF;) events.add(ev);
    assertThat(events).containsExactly(XmlScanner.START, XmlScanner.TEXT, XmlScanner.START, XmlScanner.END, XmlScanner.END);
  }
}
