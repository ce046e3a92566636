package org.credpath.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.ReloadingEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.result.KnowledgeBaseInfo;

/**
 * The rules the service evaluates with: the built-in knowledge base, a rules folder, or a folder
 * watched by {@link ReloadingEngine} (a failed reload keeps the old rules serving). Empty until
 * {@link #load} has succeeded, which is what readiness reports.
 */
final class Rules implements AutoCloseable {
  private volatile CredpathEngine fixed;
  private volatile ReloadingEngine reloading;

  /**
   * Loads the rules; throws {@link org.credpath.model.error.RulesException} with every located
   * problem when they cannot be used.
   */
  void load(Path dir, boolean reload, Path cacheDir, ServerMetrics metrics, PrintStream log) throws IOException {
    if (dir != null && reload) {
      reloading = ReloadingEngine.watch(dir, new ReloadingEngine.Listener() {
        @Override
        public void reloaded(KnowledgeBaseInfo info) {
          metrics.reloaded(info);
          log.println("credpath: rules reloaded: " + info.name() + " " + info.version());
        }

        @Override
        public void reloadFailed(List<RuleProblem> problems) {
          metrics.reloadFailed();
          problems.forEach(p -> log.println(p));
          log.println("credpath: the changed rules were refused (" + problems.size()
              + " problem(s)); the previous rules keep serving");
        }
      });
      metrics.rules(reloading.current().knowledgeBase());
    } else {
      fixed = CredpathEngine.load(dir == null ? BuiltInKnowledgeBase.source()
          : org.credpath.engine.RuleSource.directory(dir), cacheDir);
      metrics.rules(fixed.knowledgeBase());
    }
  }

  /** The rules in force now, or null before they are loaded; one request keeps one reference. */
  CredpathEngine current() {
    ReloadingEngine r = reloading;
    return r != null ? r.current() : fixed;
  }

  @Override
  public void close() throws IOException {
    if (reloading != null) {
      reloading.close();
    }
  }
}
