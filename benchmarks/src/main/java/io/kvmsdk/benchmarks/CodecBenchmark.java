package io.kvmsdk.benchmarks;

import io.kvmsdk.core.domain.DomainSpec;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.w3c.dom.Document;

/**
 * The typed domain codec against the JDK's own untyped DOM over libvirt's 620-file domain corpus.
 * Each invocation processes the whole corpus; documents/s = 620 / (time per op).
 * Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar CodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  List<String> docs;
  List<DomainSpec> specs;
  List<Document> doms;
  DocumentBuilderFactory dbf;
  TransformerFactory tf;

  @Setup
  public void setup() throws Exception {
    docs = Corpus.load("domain");
    specs = new ArrayList<>();
    for (String d : docs) specs.add(DomainSpec.fromXml(d));
    dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    tf = TransformerFactory.newInstance();
    doms = new ArrayList<>();
    for (String d : docs) doms.add(domParse(d));
  }

  Document domParse(String xml) throws Exception {
    DocumentBuilder b = dbf.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  String domSerialize(Document d) throws Exception {
    Transformer t = tf.newTransformer();
    t.setOutputProperty(OutputKeys.INDENT, "yes");
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter w = new StringWriter();
    t.transform(new DOMSource(d), new StreamResult(w));
    return w.toString();
  }

  @Benchmark
  public void typedParse(Blackhole bh) {
    for (String d : docs) bh.consume(DomainSpec.fromXml(d));
  }

  @Benchmark
  public void typedRender(Blackhole bh) {
    for (DomainSpec s : specs) bh.consume(s.toXml());
  }

  @Benchmark
  public void typedParseAndRender(Blackhole bh) {
    for (String d : docs) bh.consume(DomainSpec.fromXml(d).toXml());
  }

  @Benchmark
  public void domParse(Blackhole bh) throws Exception {
    for (String d : docs) bh.consume(domParse(d));
  }

  @Benchmark
  public void domSerialize(Blackhole bh) throws Exception {
    for (Document d : doms) bh.consume(domSerialize(d));
  }

  @Benchmark
  public void domParseAndSerialize(Blackhole bh) throws Exception {
    for (String d : docs) bh.consume(domSerialize(domParse(d)));
  }
}
