package io.kvmsdk.core;

/**
 * libvirt refused a call. Carries libvirt's error code ({@code VIR_ERR_OPERATION_INVALID}, 55)
 * and error domain ({@code VIR_FROM_QEMU}, 10) as libvirt reported them.
 *
 * <p>{@link #retryable()} is true when the connection dropped rather than the request being
 * wrong: {@code VIR_ERR_NO_CONNECT}; {@code VIR_ERR_SYSTEM_ERROR} or {@code VIR_ERR_RPC} from the
 * RPC or remote layer ({@code VIR_FROM_RPC}, {@code VIR_FROM_REMOTE}); {@code VIR_ERR_INTERNAL_ERROR}
 * saying the client socket is closed or the peer hung up; {@code VIR_ERR_OPERATION_TIMEOUT}. The
 * connection then reconnects on its next call. A missing object is a {@link NotFoundException}
 * instead (its cause is the LibvirtException).
 */
public class LibvirtException extends KvmException {
  private static final long serialVersionUID = 1L;

  /** {@code VIR_ERR_INTERNAL_ERROR} (1). */
  public static final String INTERNAL_ERROR = "VIR_ERR_INTERNAL_ERROR";
  /** {@code VIR_ERR_NO_CONNECT} (5): no connection to the hypervisor. */
  public static final String NO_CONNECT = "VIR_ERR_NO_CONNECT";
  /** {@code VIR_ERR_INVALID_ARG} (8). */
  public static final String INVALID_ARG = "VIR_ERR_INVALID_ARG";
  /** {@code VIR_ERR_OPERATION_FAILED} (9): the request was valid but did not succeed. */
  public static final String OPERATION_FAILED = "VIR_ERR_OPERATION_FAILED";
  /** {@code VIR_ERR_XML_ERROR} (27). */
  public static final String XML_ERROR = "VIR_ERR_XML_ERROR";
  /** {@code VIR_ERR_SYSTEM_ERROR} (38). */
  public static final String SYSTEM_ERROR = "VIR_ERR_SYSTEM_ERROR";
  /** {@code VIR_ERR_OPERATION_INVALID} (55): not allowed in the object's current state. */
  public static final String OPERATION_INVALID = "VIR_ERR_OPERATION_INVALID";
  /** {@code VIR_ERR_CONFIG_UNSUPPORTED} (67). */
  public static final String CONFIG_UNSUPPORTED = "VIR_ERR_CONFIG_UNSUPPORTED";
  /** {@code VIR_ERR_OPERATION_TIMEOUT} (68). */
  public static final String OPERATION_TIMEOUT = "VIR_ERR_OPERATION_TIMEOUT";
  /** {@code VIR_ERR_ARGUMENT_UNSUPPORTED} (74). */
  public static final String ARGUMENT_UNSUPPORTED = "VIR_ERR_ARGUMENT_UNSUPPORTED";
  /** {@code VIR_ERR_AGENT_UNRESPONSIVE} (86): the guest agent did not answer. */
  public static final String AGENT_UNRESPONSIVE = "VIR_ERR_AGENT_UNRESPONSIVE";
  private final String code;
  private final int codeNumber;
  private final String errorDomain;
  private final int errorDomainNumber;
  private final String libvirtMessage;

  public LibvirtException(String operation, String code, int codeNumber, String errorDomain, int errorDomainNumber,
      String libvirtMessage, boolean retryable, Throwable cause) {
    super(operation + " failed: " + libvirtMessage + " [" + code + "(" + codeNumber + ") from " + errorDomain + "("
        + errorDomainNumber + ")" + (retryable ? ", retryable" : "") + "]", cause, retryable);
    this.code = code;
    this.codeNumber = codeNumber;
    this.errorDomain = errorDomain;
    this.errorDomainNumber = errorDomainNumber;
    this.libvirtMessage = libvirtMessage;
  }

  /** libvirt's error code name, for example {@code VIR_ERR_OPERATION_INVALID}. */
  public String code() { return code; }

  /** True when libvirt's error code is {@code code}, e.g. {@code e.is(LibvirtException.OPERATION_INVALID)}. */
  public boolean is(String code) { return this.code.equals(code); }

  /** libvirt's numeric error code ({@code virErrorNumber}), for example 55. */
  public int codeNumber() { return codeNumber; }

  /** libvirt's error domain (the reporting subsystem), for example {@code VIR_FROM_QEMU}. */
  public String errorDomain() { return errorDomain; }

  /** libvirt's numeric error domain ({@code virErrorDomain}). */
  public int errorDomainNumber() { return errorDomainNumber; }

  /** libvirt's own message, unchanged. */
  public String libvirtMessage() { return libvirtMessage; }
}
