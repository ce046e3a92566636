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

  static BufferedReader open(String input) throws IOException {
    if (input.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    }
    return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
  }
}
