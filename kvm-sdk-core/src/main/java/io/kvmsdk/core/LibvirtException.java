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

  /** libvirt's numeric error code ({@code virErrorNumber}), for example 55. */
  public int codeNumber() { return codeNumber; }

  /** libvirt's error domain (the reporting subsystem), for example {@code VIR_FROM_QEMU}. */
  public String errorDomain() { return errorDomain; }

  /** libvirt's numeric error domain ({@code virErrorDomain}). */
  public int errorDomainNumber() { return errorDomainNumber; }

  /** libvirt's own message, unchanged. */
  public String libvirtMessage() { return libvirtMessage; }
}
