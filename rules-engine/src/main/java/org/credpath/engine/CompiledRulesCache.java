package org.credpath.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiled rules kept on disk, so that a command-line run does not spend seconds compiling DRL it
 * compiled before. An entry holds the class bytes of the executable model, keyed by the SHA-256 of
 * every rule, catalogue and data file plus {@link #FORMAT}: any edit gives a new key, so stale
 * rules are never served, and entries written by older code (which stored serialised Drools
 * packages) are never read.
 *
 * <p>An entry is only ever data: the caller passes what it reads through {@link RuleBytecodeCheck}
 * before loading a class, exactly as after a fresh compile, so a tampered or planted entry cannot
 * run anything the check refuses. An entry that cannot be read is ignored and the rules compiled
 * again. Only rules that passed the check and the smoke run are written.
 */
final class CompiledRulesCache {
  /** Changes whenever the Drools version, the compile path or the entry layout changes. */
  static final String FORMAT = "drools-10.2.0-exec-model-v2";
  private static final String MAGIC = "credpath-compiled-rules";
  /** Far above any real rule folder's generated classes; a larger entry is damaged or hostile. */
  private static final int MAX_CLASSES = 20_000;
  private static final int MAX_CLASS_BYTES = 4 << 20;

  private final Path dir;

  CompiledRulesCache(Path dir) {
    this.dir = dir;
  }

  Path entry(String sha256) {
    return dir.resolve(sha256 + "-" + FORMAT + ".rules");
  }

  /** The cached compiled rules, or null when there are none or they cannot be read. Loads nothing. */
  CompiledRules read(String sha256) {
    Path file = entry(sha256);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readEntry(in, sha256);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads one entry (the cache's, or the one built ahead into a jar by {@link BuildTimeRules}):
   * null unless it was written for exactly {@code sha256} and {@link #FORMAT}, and is whole. Loads
   * nothing; the caller checks the classes before defining any.
   */
  static CompiledRules readEntry(InputStream stream, String sha256) {
    Stored stored = readStored(stream);
    return stored != null && stored.sha256().equals(sha256) ? stored.rules() : null;
  }

  /**
   * An entry with the SHA-256 of the files it was written for, whatever files they were: the
   * caller must compare it with the files' own before using the classes. Null unless the entry is
   * whole and of {@link #FORMAT}. Loads nothing.
   */
  static Stored readStored(InputStream stream) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
      if (!data.readUTF().equals(MAGIC) || !data.readUTF().equals(FORMAT)) {
        return null;
      }
      String sha256 = data.readUTF();
      int count = data.readInt();
      if (count < 0 || count > MAX_CLASSES) {
        return null;
      }
      Map<String, byte[]> classes = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        String name = data.readUTF();
        int length = data.readInt();
        if (length < 0 || length > MAX_CLASS_BYTES) {
          return null;
        }
        classes.put(name, data.readNBytes(length));
      }
      return data.read() == -1 ? new Stored(sha256, new CompiledRules(classes)) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Classes as stored, with the SHA-256 of the rule files their manifest claims. */
  record Stored(String sha256, CompiledRules rules) {}

  /** Stores the compiled classes; a failure to write only means the next run compiles again. */
  void write(String sha256, CompiledRules rules) {
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "rules", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        writeEntry(out, sha256, rules);
      }
      Files.move(temp, entry(sha256), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // The cache is an optimisation: never fail a load because it cannot be written.
    }
  }

  /** Writes one entry: header (magic, {@link #FORMAT}, the rule files' SHA-256), then every class. */
  static void writeEntry(OutputStream stream, String sha256, CompiledRules rules) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    data.writeUTF(MAGIC);
    data.writeUTF(FORMAT);
    data.writeUTF(sha256);
    data.writeInt(rules.classes().size());
    for (Map.Entry<String, byte[]> c : rules.classes().entrySet()) {
      data.writeUTF(c.getKey());
      data.writeInt(c.getValue().length);
      data.write(c.getValue());
    }
    data.flush();
  }
}
