package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import java.util.Locale;
import org.libvirt.Error;

/** Maps libvirt's errors onto the SDK's exceptions, and decides which ones are retryable. */
public final class LibvirtErrors {
  private LibvirtErrors() {}

  static final int NO_CONNECT = 5, INTERNAL_ERROR = 1, SYSTEM_ERROR = 38, RPC = 39, NO_DOMAIN = 42,
      OPERATION_TIMEOUT = 68, NO_SECRET = 66, NO_DOMAIN_SNAPSHOT = 72, NO_NETWORK = 43, NO_STORAGE_POOL = 49,
      NO_STORAGE_VOL = 50, NO_NWFILTER = 62,
      NO_NWFILTER_BINDING = 101, NO_NETWORK_PORT = 107;
  static final int FROM_RPC = 7, FROM_REMOTE = 13;

  /**
   * True when the error means the connection dropped, not that the request was wrong:
   * {@code VIR_ERR_NO_CONNECT}; {@code VIR_ERR_SYSTEM_ERROR} or {@code VIR_ERR_RPC} from
   * {@code VIR_FROM_RPC}/{@code VIR_FROM_REMOTE} (socket I/O: EOF, reset, broken pipe);
   * {@code VIR_ERR_INTERNAL_ERROR} whose message says the client socket is closed, the connection
   * was closed or reset, or the end of file was reached; {@code VIR_ERR_OPERATION_TIMEOUT}.
   */
  public static boolean retryable(int code, int domain, String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (code == NO_CONNECT || code == OPERATION_TIMEOUT) return true;
    if ((code == SYSTEM_ERROR || code == RPC) && (domain == FROM_RPC || domain == FROM_REMOTE)) return true;
    if (code == INTERNAL_ERROR || code == SYSTEM_ERROR) {
      return m.contains("client socket is closed") || m.contains("connection closed") || m.contains("connection reset")
          || m.contains("end of file while reading") || m.contains("broken pipe") || m.contains("cannot recv data")
          || m.contains("cannot write data");
    }
    return false;
  }

  static String codeName(int code) {
    Error.ErrorNumber[] v = Error.ErrorNumber.values();
    return code >= 0 && code < v.length ? v[code].name() : "VIR_ERR_" + code;
  }

  static String domainName(int domain) {
    Error.ErrorDomain[] v = Error.ErrorDomain.values();
    return domain >= 0 && domain < v.length ? v[domain].name() : "VIR_FROM_" + domain;
  }

  /**
   * The SDK exception for libvirt's error {@code code}/{@code domain} during {@code operation}:
   * {@code VIR_ERR_NO_DOMAIN}, {@code VIR_ERR_NO_DOMAIN_SNAPSHOT}, {@code VIR_ERR_NO_SECRET},
   * {@code VIR_ERR_NO_NETWORK}, {@code VIR_ERR_NO_STORAGE_POOL}, {@code VIR_ERR_NO_STORAGE_VOL} and
   * {@code VIR_ERR_NO_NWFILTER}, {@code VIR_ERR_NO_NWFILTER_BINDING} and {@code VIR_ERR_NO_NETWORK_PORT} become a
   * {@link NotFoundException} (cause: the LibvirtException) of kind {@code domain}, {@code snapshot}, {@code secret},
   * {@code network}, {@code storage pool}, {@code storage volume}, {@code nwfilter}, {@code nwfilter binding} or
   * {@code network port} for {@code name} ({@code domain/snapshot} for snapshots,
   * {@code pool/volume} for volumes; a domain or pool is named by the part before the slash);
   * everything else a {@link LibvirtException}.
   */
  static KvmException map(String operation, String kind, String name, int code, int domain, String message, Throwable cause) {
    String msg = message == null ? "(libvirt gave no message)" : message;
    LibvirtException le = new LibvirtException(operation, codeName(code), code, domainName(domain), domain, msg,
        retryable(code, domain, msg), cause);
    int slash = name == null ? -1 : name.indexOf('/');
    if (code == NO_DOMAIN) return new NotFoundException("domain", slash < 0 ? name : name.substring(0, slash), le);
    if (code == NO_DOMAIN_SNAPSHOT) return new NotFoundException("snapshot", name, le);
    if (code == NO_SECRET) return new NotFoundException("secret", name, le);
    if (code == NO_NETWORK) return new NotFoundException("network", "network".equals(kind) ? name : referenced(msg, name), le);
    if (code == NO_STORAGE_POOL) return new NotFoundException("storage pool", slash < 0 ? name : name.substring(0, slash), le);
    if (code == NO_STORAGE_VOL) return new NotFoundException("storage volume", name, le);
    if (code == NO_NWFILTER) return new NotFoundException("nwfilter", name, le);
    if (code == NO_NWFILTER_BINDING) return new NotFoundException("nwfilter binding", name, le);
    if (code == NO_NETWORK_PORT) return new NotFoundException("network port", name, le);
    return le;
  }

  private static final java.util.regex.Pattern MATCHING_NAME = java.util.regex.Pattern.compile("with matching name '([^']*)'");

  /**
   * The object libvirt did not find while acting on another one (a domain's start naming a missing
   * network): libvirt's message says which ("no network with matching name 'X'"); else {@code fallback}.
   */
  private static String referenced(String message, String fallback) {
    java.util.regex.Matcher m = MATCHING_NAME.matcher(message);
    return m.find() ? m.group(1) : fallback;
  }

  static KvmException map(String operation, String kind, String name, org.libvirt.LibvirtException e) {
    Error err = e.getError();
    if (err == null) return new KvmException(operation + " failed: " + e.getMessage(), e);
    int code = err.getCode() == null ? -1 : err.getCode().ordinal();
    int domain = err.getDomain() == null ? -1 : err.getDomain().ordinal();
    return map(operation, kind, name, code, domain, err.getMessage(), e);
  }

  static final int INVALID_ARG = 8, XML_ERROR = 27, AUTH_FAILED = 45, AUTH_CANCELLED = 79, AUTH_UNAVAILABLE = 94, FROM_URI = 45;

  /** libvirt's messages (SYSTEM_ERROR from the RPC layer) when a connection's credentials or configuration are wrong, not the network. */
  private static final java.util.regex.Pattern CONFIGURATION = java.util.regex.Pattern.compile(
      "(?i)cannot read (ca )?certificate|cannot read private key|certificate .*(invalid|expired|not yet active|revoked)|"
      + "permission denied|host key verification failed|could not resolve hostname|identity file .* not accessible|"
      + "no connection driver available|unable to parse uri|authentication");

  /**
   * True when a failed connect is a configuration error that fails the same way every time: a
   * refused or impossible authentication ({@code VIR_ERR_AUTH_FAILED}, {@code _CANCELLED},
   * {@code _UNAVAILABLE}), a URI libvirt cannot use ({@code VIR_ERR_INVALID_ARG}, no driver for
   * it, unparsable, the test driver's file unreadable), or credentials the client lacks (CA
   * certificate, key, host key, unresolvable host name). A refused or dropped connection to a
   * daemon that may come back stays retryable.
   */
  public static boolean configurationError(int code, int domain, String message) {
    String m = message == null ? "" : message;
    if (code == AUTH_FAILED || code == AUTH_CANCELLED || code == AUTH_UNAVAILABLE || code == INVALID_ARG || code == XML_ERROR) return true;
    if (domain == FROM_URI) return true;
    return (code == NO_CONNECT || code == SYSTEM_ERROR || code == INTERNAL_ERROR || code == RPC) && CONFIGURATION.matcher(m).find();
  }

  /** A failed connect to {@code uri}, mapped: never retryable when {@link #configurationError} says so. */
  static KvmException connectFailure(String uri, org.libvirt.LibvirtException e) {
    Error err = e.getError();
    if (err == null) return new KvmException("connect to '" + uri + "' failed: " + e.getMessage(), e);
    int code = err.getCode() == null ? -1 : err.getCode().ordinal();
    int domain = err.getDomain() == null ? -1 : err.getDomain().ordinal();
    return connectFailure(uri, code, domain, err.getMessage(), e);
  }

  static KvmException connectFailure(String uri, int code, int domain, String message, Throwable cause) {
    String msg = message == null ? "(libvirt gave no message)" : message;
    if (!configurationError(code, domain, msg)) return map("connect to '" + uri + "'", "connection", uri, code, domain, msg, cause);
    return new LibvirtException("connect to '" + uri + "' (a configuration error: check the URI and its credentials)",
        codeName(code), code, domainName(domain), domain, msg, false, cause);
  }

  /** The calling thread's last libvirt error (after a direct JNA call failed), mapped. */
  static KvmException lastError(String operation, String kind, String name) {
    org.libvirt.jna.virError ve = org.libvirt.jna.Libvirt.INSTANCE.virGetLastError();
    if (ve == null) return new KvmException(operation + " failed (libvirt reported no error)");
    return map(operation, kind, name, ve.code, ve.domain, ve.message, null);
  }
}
