package org.credpath.engine;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.KnowledgeBaseInfo;

/**
 * An engine that follows a rules directory: when a file changes, it rebuilds on a background
 * thread (guard-rails, compile, smoke run, and the embedder's {@link Gate}) and swaps the new rules
 * in atomically only if all of that passes. A failed reload keeps the old rules and tells the
 * {@link Listener}. Each evaluation runs entirely on the rules current when it started. Rules that
 * change while they are being checked are not swapped in; still, publish a rules folder in one
 * step (copy it beside, then rename) or give a {@link Gate} such as the scenario set, because a
 * half-copied folder can compile.
 *
 * <p>Thread-safe. Close it to stop watching.
 */
public final class ReloadingEngine implements AutoCloseable {
  /** Told about every reload; called on the watcher thread. */
  public interface Listener {
    default void reloaded(KnowledgeBaseInfo knowledgeBase) {}

    default void reloadFailed(List<RuleProblem> problems) {}
  }

  /** An extra acceptance check for new rules, such as the scenario set; returns the problems found. */
  @FunctionalInterface
  public interface Gate {
    List<RuleProblem> check(CredpathEngine candidate);
  }

  /** Quiet time after the last file event before rebuilding, so an editor's save is one reload. */
  static final long DEBOUNCE_MILLIS = 300;

  private final Path dir;
  private final Listener listener;
  private final Gate gate;
  private final AtomicReference<CredpathEngine> current;
  private final WatchService watcher;
  private final Thread thread;
  private volatile EvaluationLimits limits;

  private ReloadingEngine(Path dir, Listener listener, Gate gate, CredpathEngine first, boolean watching) throws IOException {
    this.dir = dir;
    this.listener = listener;
    this.gate = gate;
    this.current = new AtomicReference<>(first);
    this.limits = first.limits();
    if (watching) {
      this.watcher = FileSystems.getDefault().newWatchService();
      registerTree();
      this.thread = new Thread(this::watchLoop, "credpath-rules-watcher");
      thread.setDaemon(true);
      thread.start();
    } else {
      this.watcher = null;
      this.thread = null;
    }
  }

  /**
   * Loads the rules in {@code dir} and starts watching it.
   *
   * @throws RulesException when the first load fails: there are no old rules to keep
   */
  public static ReloadingEngine watch(Path dir, Listener listener, Gate gate) throws IOException {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(gate, "gate");
    CredpathEngine first = build(RuleSource.directory(dir), gate);
    return new ReloadingEngine(dir, listener, gate, first, true);
  }

  /**
   * Like {@link #watch}, but reloads only when {@link #reloadNow} is called: for deployments that
   * publish a new rules folder in one step and then tell the application.
   */
  public static ReloadingEngine manual(Path dir, Listener listener, Gate gate) throws IOException {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(gate, "gate");
    return new ReloadingEngine(dir, listener, gate, build(RuleSource.directory(dir), gate), false);
  }

  public static ReloadingEngine watch(Path dir, Listener listener) throws IOException {
    return watch(dir, listener, engine -> List.of());
  }

  /** The rules in force now; keep the reference to evaluate several profiles on one rule set. */
  public CredpathEngine current() {
    return current.get();
  }

  /**
   * Sets the per-evaluation limits (deadline, allocation bound, firing cap) of the rules in force
   * and of every later reload. Default: {@link EvaluationLimits#configured()}.
   */
  public synchronized void setLimits(EvaluationLimits newLimits) {
    Objects.requireNonNull(newLimits, "newLimits");
    this.limits = newLimits;
    current.updateAndGet(engine -> engine.withLimits(newLimits));
  }

  /** The per-evaluation limits of the rules in force and of later reloads. */
  public EvaluationLimits limits() {
    return limits;
  }

  public EvaluationResult evaluate(CandidateProfile profile, LocalDate asOf) {
    return current.get().evaluate(profile, asOf);
  }

  /**
   * Rebuilds now, on the calling thread, and swaps if the new rules pass.
   *
   * @return true when new rules were swapped in; false when they failed (the listener was told)
   *     or were identical to the current ones
   */
  public synchronized boolean reloadNow() {
    CredpathEngine next;
    try {
      RuleSource snapshot = RuleSource.directory(dir);
      if (snapshot.sha256().equals(current.get().knowledgeBase().sha256())) {
        return false;
      }
      next = build(snapshot, gate);
      if (!RuleSource.directory(dir).sha256().equals(snapshot.sha256())) {
        // The files changed while they were being checked (an editor or a copy half-way through):
        // what was checked may be a mixture, so keep the current rules and wait for the next change.
        return false;
      }
    } catch (RulesException e) {
      listener.reloadFailed(e.problems());
      return false;
    } catch (RuntimeException e) {
      listener.reloadFailed(List.of(RuleProblem.error(dir.toString(), 0, 0, "reload failed: " + e)));
      return false;
    } catch (StackOverflowError | OutOfMemoryError e) {
      // The rules' fault (the checks before compiling should prevent it): keep the current rules
      // and the watcher thread alive, and say so without a stack trace.
      listener.reloadFailed(List.of(RuleProblem.error(dir.toString(), 0, 0, "reload failed: the rules ran the loader"
          + " out of " + (e instanceof StackOverflowError ? "stack" : "memory") + "; the current rules stay in force")));
      return false;
    }
    current.set(next.withLimits(limits));
    listener.reloaded(next.knowledgeBase());
    return true;
  }

  private static CredpathEngine build(RuleSource source, Gate gate) {
    CredpathEngine engine = CredpathEngine.load(source);
    List<RuleProblem> problems = gate.check(engine);
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    return engine;
  }

  private void watchLoop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Debounce: wait until the directory has been quiet for a while.
        WatchKey more;
        while ((more = watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        registerTree();
        reloadNow();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      listener.reloadFailed(List.of(RuleProblem.error(dir.toString(), 0, 0, "stopped watching: " + e.getMessage())));
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  /** Watches the directory and every folder below it (new folders are picked up on the next event). */
  private void registerTree() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path folder : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (thread != null) {
      thread.interrupt();
      watcher.close();
    }
  }
}
