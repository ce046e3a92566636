package org.credpath.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.credpath.json.Json;
import org.credpath.json.ProfileDecoder;

/**
 * Reads scenario files:
 *
 * <pre>{ "description": "…", "asOf": "2026-11-22", "profile": { … }, "expect": { … } }</pre>
 *
 * See {@link ScenarioRunner} for what {@code expect} may hold.
 */
public final class ScenarioReader {
  private static final Set<String> TOP_LEVEL = Set.of("description", "asOf", "profile", "expect");

  private ScenarioReader() {}

  /** A scenario file that cannot be used, with the reason. */
  public static final class ScenarioFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioFormatException(Path file, String message) {
      super(file + ": " + message);
    }
  }

  /** Every {@code .json} file under each path (a file or a folder), sorted. */
  public static List<Path> files(List<Path> paths) throws IOException {
    Set<Path> found = new TreeSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).forEach(found::add);
        }
      } else {
        found.add(path);
      }
    }
    return List.copyOf(found);
  }

  public static Scenario read(Path file) {
    JsonNode root;
    try {
      root = Json.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ScenarioFormatException(file, "is not valid JSON (line " + e.getLocation().getLineNr() + "): "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioFormatException(file, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioFormatException(file, "must hold one JSON object with asOf, profile and expect");
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!TOP_LEVEL.contains(name)) {
        throw new ScenarioFormatException(file, "unknown field `" + name + "`; expected " + new TreeSet<>(TOP_LEVEL));
      }
    });
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(root.path("asOf").asText());
    } catch (DateTimeParseException e) {
      throw new ScenarioFormatException(file, "`asOf` must be a date YYYY-MM-DD");
    }
    if (!root.path("expect").isObject()) {
      throw new ScenarioFormatException(file, "`expect` must be an object");
    }
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(root.get("profile"));
    if (!decoded.ok()) {
      throw new ScenarioFormatException(file, "profile" + decoded.error().path().substring(1) + " "
          + decoded.error().message());
    }
    return new Scenario(file, root.path("description").asText(""), asOf, decoded.profile(), root.get("expect"));
  }
}
