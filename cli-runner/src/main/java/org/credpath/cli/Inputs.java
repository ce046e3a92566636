package org.credpath.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
   * Reads UTF-8, turning invalid bytes into U+FFFD so that the stream can go on; the profile
   * reader then refuses just the records that contain one.
   */
  static BufferedReader open(String input) throws IOException {
    java.io.InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
