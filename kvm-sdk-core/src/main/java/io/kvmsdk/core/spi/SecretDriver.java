package io.kvmsdk.core.spi;

import java.util.List;
import java.util.Optional;

/** libvirt's secret driver: secrets named by UUID; their values go in and never come back out through the port. */
public interface SecretDriver {
  /** {@code virSecretDefineXML}; returns the secret's UUID. */
  String define(String xml);

  /** UUIDs of every defined secret. */
  List<String> list();

  /** The secret's XML, or empty. */
  Optional<String> xml(String uuid);

  /** {@code virSecretSetValue}. The value never reaches a log or an exception message. */
  void setValue(String uuid, byte[] value);

  void undefine(String uuid);
}
