package org.credpath.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/**
 * The built-in rules compiled when credpath is built, so that starting the command line or the
 * service compiles nothing. The build (rules-kb's {@code process-classes} phase) runs
 * {@link #main} on the knowledge-base folder: it loads the rules exactly as a run-time load does
 * (text guard, compile to the executable model, {@link RuleBytecodeCheck}, smoke run) and writes
 * the checked class bytes next to the folder, as {@code <folder>.compiled-rules} (and the list of
 * its files as {@code <folder>.files}, so a start reads them by name), in the
 * compiled-rules cache's entry format, whose header is the manifest: the SHA-256 of every rule,
 * catalogue, message and threshold file the classes came from, and the compile format (Drools
 * version).
 *
 * <p>At load, {@link RuleSource#classpath} finds that resource and {@link CheckedRules} uses it
 * only if the manifest matches the files being loaded, and every class passes the bytecode check
 * again (a few tens of milliseconds), so a jar whose classes were swapped is refused like a
 * tampered cache entry: the files are compiled instead and nothing from the resource is defined.
 */
public final class BuildTimeRules {
  /** Appended to the class-path folder name of a knowledge base to name its built classes. */
  public static final String SUFFIX = ".compiled-rules";

  private BuildTimeRules() {}

  /** Appended to the folder name to name the list of its files, one relative path a line. */
  public static final String INDEX_SUFFIX = ".files";

  static String resourceFor(String root) {
    return root + SUFFIX;
  }

  static String indexFor(String root) {
    return root + INDEX_SUFFIX;
  }

  /**
   * The classes built ahead for {@code source}, unchecked, with the SHA-256 their manifest claims
   * (compare it with {@link RuleSource#sha256()} before using them); null when none or damaged.
   */
  static CompiledRulesCache.Stored read(RuleSource source) {
    URL url = source.compiledAhead();
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      return CompiledRulesCache.readStored(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Compiles, checks and smoke-tests the rules in {@code folder} and writes their classes to
   * {@code output}; does nothing when {@code output} already holds the classes of these very files.
   *
   * @throws RulesException when the rules cannot be loaded, or the compiler warns: a load from
   *     built classes could not repeat those warnings, so the built-in rules must compile cleanly
   */
  public static boolean build(Path folder, Path output) throws IOException {
    RuleSource source = RuleSource.directory(folder);
    String sha256 = source.sha256();
    if (Files.isRegularFile(output)) {
      try (InputStream in = Files.newInputStream(output)) {
        if (CompiledRulesCache.readEntry(in, sha256) != null) {
          writeIndex(source, folder, output);
          return false;
        }
      }
    }
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "compiled-rules");
    try {
      // The same door as every load (guard, compile, check, smoke run), writing a cache entry
      // only when all passed; that entry is what ships.
      CredpathEngine engine = CredpathEngine.load(source, staging);
      List<RuleProblem> compilerWarnings = new ArrayList<>(engine.warnings());
      compilerWarnings.removeAll(RuleLint.check(source));
      if (!compilerWarnings.isEmpty()) {
        throw new RulesException(compilerWarnings);
      }
      Path entry = new CompiledRulesCache(staging).entry(sha256);
      if (!Files.isRegularFile(entry)) {
        throw new IOException("the compiled rules could not be written under " + staging);
      }
      Files.move(entry, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      writeIndex(source, folder, output);
    } finally {
      try (var left = Files.list(staging)) {
        for (Path p : (Iterable<Path>) left::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(staging);
    }
    return true;
  }

  /** The list of the folder's files beside the classes, so that a start reads them by name instead of walking the jar. */
  private static void writeIndex(RuleSource source, Path folder, Path output) throws IOException {
    Path index = output.resolveSibling(folder.getFileName() + INDEX_SUFFIX);
    String listed = String.join("\n", source.files().keySet()) + "\n";
    if (!Files.isRegularFile(index) || !Files.readString(index).equals(listed)) {
      Files.writeString(index, listed);
    }
  }

  /** {@code BuildTimeRules <rules folder> <output file>}: the build step; exit 1 with located problems. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BuildTimeRules <rules folder> <output file>");
      System.exit(2);
    }
    try {
      // Silent on success: `mvn -q package && bin/credpath evaluate …` must print only JSON.
      build(Path.of(args[0]), Path.of(args[1]));
    } catch (RulesException e) {
      e.problems().forEach(System.err::println);
      System.err.println("the rules in " + args[0] + " cannot be built into the jar; fix them and build again");
      System.exit(1);
    }
    // Drools may leave pool threads behind; this is a build step, it ends here.
    System.exit(0);
  }
}
