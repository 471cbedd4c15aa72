package org.eseal.core;

import java.util.Objects;

/**
 * The root of every operational failure the SDK reports. Misuse of the API (a null argument, a
 * negative size) is reported with {@link IllegalArgumentException} or {@link NullPointerException}
 * instead; this type is for things that go wrong with inputs, keys, files and the platform.
 *
 * <p>The {@link #code()} says what went wrong in a form a program can act on; the message says it
 * for a person, naming the file, field or position involved.
 */
public class ESealException extends RuntimeException {
  private final ErrorCode code;

  /** Creates an exception with a code and a message for a person. */
  public ESealException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Creates an exception with a code, a message and the failure that caused it. */
  public ESealException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The machine-readable reason. */
  public ErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + code + "]: " + getMessage();
  }
}
