package dev.homelab.cli.source;

/**
 * A lab file given with {@code --lab} that cannot be turned into a model: missing, not Java or
 * JShell, not compiling, or failing while it builds the lab. The message is what the user reads
 * (compiler or JShell diagnostics with {@code file:line}); {@link #exitCode()} is the CLI's.
 */
public final class LabSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure the CLI reports as {@code message} and ends with {@code exitCode}. */
  public LabSourceException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** 1 when the file's code is wrong (it does not compile or throws), 2 when the command line is. */
  public int exitCode() {
    return exitCode;
  }
}
