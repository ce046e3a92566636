package org.credpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.credpath.json.input.InputEncoding;

/** Opens an input argument: a file, or {@code -} for standard input. */
final class Inputs {
  private Inputs() {}

  /** Why {@code input} cannot be read, or null when it can. */
  static String problem(String input) {
    if (input.equals("-")) {
      return null;
    }
    Path path = Path.of(input);
    if (!Files.exists(path)) {
      return "no such file";
    }
    if (Files.isDirectory(path)) {
      return "it is a directory; give the profile files inside it";
    }
    return Files.isReadable(path) ? null : "permission denied";
  }

  /**
   * Opens the bytes of {@code input} decoded as UTF-8 (or UTF-16/32 when its first bytes say so),
   * turning invalid bytes into InputEncoding.INVALID so that the stream can go on; the profile reader then
   * refuses just the records that contain one.
   */
  static InputEncoding.Decoded open(String input) throws IOException {
    return InputEncoding.open(input.equals("-") ? System.in : Files.newInputStream(Path.of(input)));
  }
}
