package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.credpath.engine.ReloadingEngine;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads the built-in knowledge base many times and reports heap and class counts, to show that
 * reloading leaks neither. Opt-in, because it takes minutes:
 * {@code mvn -B -pl rules-kb -am test -Dtest=ReloadSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dcredpath.soak=300}
 */
@EnabledIfSystemProperty(named = "credpath.soak", matches = "\\d+")
class ReloadSoakTest {
  @TempDir Path dir;

  @Test
  void hundredsOfReloads_heapAndLoadedClassesStayFlat() throws IOException {
    int reloads = Integer.parseInt(System.getProperty("credpath.soak"));
    Map<String, String> files = BuiltInKnowledgeBase.source().files();
    write(files, 0);
    CandidateProfile profile = new CandidateProfile("soak", "CA", HighSchool.DIPLOMA, null, null, null, null, null, false);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    long firstHeap = 0;
    long firstClasses = 0;
    long lastHeap = 0;
    long lastClasses = 0;
    // Manual reloads: a watcher thread would race the test's own reloadNow for each write (and,
    // with compiles longer than its debounce, win some, so that the test's call finds nothing new).
    try (ReloadingEngine engine = ReloadingEngine.manual(dir, new ReloadingEngine.Listener() {
      @Override
      public void reloadFailed(java.util.List<org.credpath.model.error.RuleProblem> problems) {
        throw new AssertionError("reload failed: " + problems);
      }
    }, candidate -> java.util.List.of())) {
      for (int i = 1; i <= reloads; i++) {
        write(files, i);
        assertThat(engine.reloadNow()).isTrue();
        engine.evaluate(profile, LocalDate.of(2026, 11, 22));
        if (i % 50 == 0 || i == 10) {
          System.gc();
          long heap = memory.getHeapMemoryUsage().getUsed() / (1 << 20);
          long loaded = classes.getLoadedClassCount();
          System.out.printf("reload %4d: heap after GC %4d MiB, classes loaded %6d, unloaded so far %6d%n",
              i, heap, loaded, classes.getUnloadedClassCount());
          if (i == 10) {
            firstHeap = heap;
            firstClasses = loaded;
          }
          lastHeap = heap;
          lastClasses = loaded;
        }
      }
    }
    assertThat(lastHeap).as("heap after GC").isLessThan(firstHeap + 64);
    assertThat(lastClasses).as("loaded classes").isLessThan(firstClasses + 2_000);
  }

  private void write(Map<String, String> files, int version) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      String text = file.getKey().equals("kb.properties") ? file.getValue() + "\nreload=" + version + "\n" : file.getValue();
      Files.writeString(target, text);
    }
  }
}
