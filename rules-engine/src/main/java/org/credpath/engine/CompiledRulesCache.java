package org.credpath.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled knowledge bases kept on disk, so that a command-line run does not spend seconds
 * compiling DRL it compiled before. An entry is keyed by the SHA-256 of every rule, catalogue and
 * data file plus {@link #FORMAT}: any edit gives a new key, so stale rules are never served. Only
 * rules that compiled and passed the smoke run are written; an entry that cannot be read is
 * ignored and the rules are compiled again.
 */
final class CompiledRulesCache {
  /** Changes whenever the Drools version or the cache layout changes, so old entries are not read. */
  static final String FORMAT = "drools-10.2.0-v1";

  private final Path dir;

  CompiledRulesCache(Path dir) {
    this.dir = dir;
  }

  private Path entry(String sha256) {
    return dir.resolve(sha256 + "-" + FORMAT + ".kbase");
  }

  /** The cached knowledge base for these rules, or null when there is none or it cannot be read. */
  KieBase read(String sha256) {
    Path file = entry(sha256);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        ObjectInputStream objects = new DroolsObjectInputStream(in, CompiledRulesCache.class.getClassLoader())) {
      @SuppressWarnings("unchecked")
      Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
      InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
      kieBase.addPackages(packages);
      return kieBase;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Stores the compiled packages; a failure to write only means the next run compiles again. */
  void write(String sha256, KieBase kieBase) {
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "kbase", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
          ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
        List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
        objects.writeObject(packages);
      }
      Files.move(temp, entry(sha256), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // The cache is an optimisation: never fail a load because it cannot be written.
    }
  }
}
