package org.eseal.core.tlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the example files under the test resources of this package. */
final class TestData {
  private TestData() {}

  static byte[] bytes(String name) {
    try (InputStream in = TestData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
  }
}
