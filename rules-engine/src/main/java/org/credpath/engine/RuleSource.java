package org.credpath.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;

/**
 * The files of one knowledge base, read into memory once: {@code .drl} rule files (in any
 * sub-folder), the policy catalogue {@code policies.txt}, {@code kb.properties} (name and
 * version), the credentials it knows {@code credentials.properties}, the message bundles
 * {@code messages*.properties}, the numbers in
 * {@code thresholds/*.properties} and {@code data/*.csv}. Other files are ignored, so a rules folder may hold notes.
 *
 * <p>Immutable and thread-safe. Reading never compiles anything; see {@link CredpathEngine#load}.
 */
public final class RuleSource {
  /** The file that lists every policy id with its confidence and source. */
  public static final String CATALOGUE = "policies.txt";
  /** The file that names and versions the knowledge base. */
  public static final String PROPERTIES = "kb.properties";

  private final String origin;
  private final SortedMap<String, String> files;
  private final Map<String, LineIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();
  private final URL compiledAhead;
  /** {@link #sha256()}, computed on first use: the files never change. */
  private volatile String sha256;

  private RuleSource(String origin, SortedMap<String, String> files, URL compiledAhead) {
    this.origin = origin;
    this.files = Collections.unmodifiableSortedMap(files);
    this.compiledAhead = compiledAhead;
  }

  private RuleSource(String origin, SortedMap<String, String> files) {
    this(origin, files, null);
  }

  /** Reads a rules directory, such as an edited copy of the built-in knowledge base. */
  public static RuleSource directory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RulesException(
          List.of(RuleProblem.error(dir.toString(), 0, 0, "is not a directory; give the folder that holds the .drl files")));
    }
    return new RuleSource(dir.toString(), readTree(dir, dir.toString()));
  }

  /**
   * Reads a knowledge base packaged on the class path under {@code root}, in a jar or a folder.
   * {@code root} must contain {@value #PROPERTIES}. When the build compiled these rules ahead
   * ({@link BuildTimeRules}, resource {@code root + ".compiled-rules"}), loading uses those classes
   * instead of compiling, provided they were built from exactly these files and pass the check.
   */
  public static RuleSource classpath(String root, ClassLoader loader) {
    URL marker = loader.getResource(root + "/" + PROPERTIES);
    if (marker == null) {
      throw new IllegalStateException("no knowledge base on the class path at " + root);
    }
    URL compiled = loader.getResource(BuildTimeRules.resourceFor(root));
    URL index = loader.getResource(BuildTimeRules.indexFor(root));
    try {
      if (index != null) {
        // The build listed the files: read each by name, never walking the (shaded, large) jar.
        return new RuleSource("built-in", readListed(loader, root, index), compiled);
      }
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        // A private zip view of the jar: newFileSystem(Path) never clashes with other open views.
        Path jar = Path.of(((JarURLConnection) marker.openConnection()).getJarFileURL().toURI());
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
          return new RuleSource("built-in", readTree(zip.getPath(root), root), compiled);
        }
      }
      return new RuleSource("built-in", readTree(Path.of(uri).getParent(), root), compiled);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the built-in knowledge base at " + root, e);
    }
  }

  /** Builds a source from file contents held in memory, for tests and tools. */
  public static RuleSource of(String origin, Map<String, String> files) {
    return new RuleSource(origin, new TreeMap<>(files));
  }

  private static SortedMap<String, String> readTree(Path root, String origin) {
    SortedMap<String, String> files = new TreeMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!file.equals(root) && Files.isSymbolicLink(file)) {
          // A link would let a rules folder (a git checkout, a shared drive) read any file the
          // process can: refuse it, without reading or quoting what it points to.
          problems.add(RuleProblem.error(relative, 0, 0, "is a symbolic link; rule folders may hold only plain files"
              + " and folders: copy the file into the folder instead"));
          continue;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !isKnowledgeBaseFile(relative)) {
          continue;
        }
        try {
          files.put(relative, decode(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
          problems.add(RuleProblem.error(relative, 0, 0, "is not valid UTF-8 text; save it as UTF-8"));
        } catch (IOException e) {
          problems.add(RuleProblem.error(relative, 0, 0, "cannot be read: " + e.getMessage()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      problems.add(RuleProblem.error(origin, 0, 0, "cannot be read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    return files;
  }

  private static SortedMap<String, String> readListed(ClassLoader loader, String root, URL index) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    String list;
    try (InputStream in = index.openStream()) {
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String relative : list.lines().filter(l -> !l.isBlank()).toList()) {
      try (InputStream in = loader.getResourceAsStream(root + "/" + relative)) {
        if (in == null || !isKnowledgeBaseFile(relative)) {
          problems.add(RuleProblem.error(relative, 0, 0, "is listed in " + BuildTimeRules.indexFor(root)
              + " but is not a knowledge-base file on the class path; rebuild credpath"));
        } else {
          files.put(relative, decode(in.readAllBytes()));
        }
      } catch (CharacterCodingException e) {
        problems.add(RuleProblem.error(relative, 0, 0, "is not valid UTF-8 text; save it as UTF-8"));
      }
    }
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    return files;
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }

  static boolean isKnowledgeBaseFile(String relative) {
    return relative.endsWith(".drl")
        || relative.equals(CATALOGUE)
        || relative.equals(PROPERTIES)
        || MessageBundles.isBundle(relative)
        || ThresholdFiles.isThresholds(relative)
        || KnownCredentials.isCredentials(relative)
        || (relative.startsWith("data/") && relative.endsWith(".csv"));
  }

  /** The classes compiled from these files at build time, unverified; null for a folder or when none were built. */
  URL compiledAhead() {
    return compiledAhead;
  }

  /** Where the rules came from: a directory path, or {@code built-in}. */
  public String origin() {
    return origin;
  }

  /** Every file by its path relative to the root, sorted. */
  public SortedMap<String, String> files() {
    return files;
  }

  /** The lines of one file, indexed once and shared by every scanner (an empty text for a file that is not there). */
  LineIndex index(String path) {
    return indexes.computeIfAbsent(path, p -> LineIndex.of(files.get(p)));
  }

  /** The {@code .drl} files only, sorted by path. */
  public SortedMap<String, String> drlFiles() {
    SortedMap<String, String> drl = new TreeMap<>();
    files.forEach((path, text) -> {
      if (path.endsWith(".drl")) {
        drl.put(path, text);
      }
    });
    return drl;
  }

  /** SHA-256 over every path and content, so that any edit changes it. */
  public String sha256() {
    String known = sha256;
    if (known == null) {
      synchronized (this) { // computed once even when the load's two threads ask at the same time
        known = sha256;
        if (known == null) {
          known = digest();
          sha256 = known;
        }
      }
    }
    return known;
  }

  private String digest() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach((path, text) -> {
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
