package io.kvmsdk.core.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** libvirt's RelaxNG schemas, validated in-process with Jing. One instance per thread. */
public final class RelaxNg {
  private final ValidationDriver driver;
  private final List<String> errors = new ArrayList<>();

  private RelaxNg(Path schema) {
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
      @Override public void warning(SAXParseException e) {}

      @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }

      @Override public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
    });
    driver = new ValidationDriver(props.toPropertyMap());
    try {
      if (!driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile()))) {
        throw new IllegalStateException("cannot load " + schema + ": " + errors);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot load " + schema, e);
    }
  }

  /** The schema {@code name}.rng (domain, domainsnapshot, secret, network, storagepool, ...). */
  public static RelaxNg of(String name) { return new RelaxNg(Oracles.schemas().resolve(name + ".rng")); }

  /** null when valid, else the schema's complaints. */
  public synchronized String errors(String xml) {
    errors.clear();
    try {
      boolean ok = driver.validate(new InputSource(new StringReader(xml)));
      return ok && errors.isEmpty() ? null : String.join("; ", errors);
    } catch (Exception e) {
      return e.toString();
    }
  }
}
