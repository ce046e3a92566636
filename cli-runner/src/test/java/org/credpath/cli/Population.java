package org.credpath.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.credpath.json.Json;
import org.credpath.population.ProfileGenerator;

/** Writes a seeded generated population as NDJSON, the input the CLI tests stream through {@code evaluate}. */
final class Population {
  static final LocalDate AS_OF = LocalDate.parse("2026-11-22");

  private Population() {}

  static Path write(Path file, int count, long seed) throws IOException {
    ProfileGenerator generator = new ProfileGenerator(seed, AS_OF);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write(Json.COMPACT.writeValueAsString(generator.next(i)));
        out.write('\n');
      }
    }
    return file;
  }
}
