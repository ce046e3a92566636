package org.credpath.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credpath.json.input.InputRecord;
import org.credpath.json.input.ProfileStream;
import org.credpath.cli.io.ResultSink;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.ErrorRecord;
import org.credpath.json.ProfileDecoder;
import org.credpath.json.RecordError;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.FieldProblem;

/**
 * Evaluates every record of a stream on {@code threads} workers sharing one engine and writes a
 * result or an error record for each, in input order. At most a fixed window of records is in
 * flight, so memory does not grow with the input. One bad record never stops the others.
 *
 * <p>Public so that {@code benchmarks/} can time this very pipeline with other evaluators (no rules,
 * a plain-Java baseline) without that code being shipped in the CLI jar.
 */
public final class BatchEvaluator implements AutoCloseable {
  /** Records in flight per worker: enough to keep workers busy, small enough to bound memory. */
  private static final int WINDOW_PER_THREAD = 64;

  /** Turns a valid profile into the record to write: the engine's result, or a benchmark's stand-in. */
  @FunctionalInterface
  public interface ProfileEvaluator {
    Object evaluate(CandidateProfile profile, LocalDate asOf);

    /**
     * What {@link #evaluate} would refuse in a record that also has JSON problems, so that its one
     * error lists them all (the engine's own checks); none for a benchmark's stand-in.
     */
    default List<FieldProblem> problems(CandidateProfile profile, LocalDate asOf) {
      return List.of();
    }

    /** The engine: its results in {@code locale}'s language, and its checks. */
    static ProfileEvaluator of(CredpathEngine engine, Locale locale) {
      return new ProfileEvaluator() {
        @Override
        public Object evaluate(CandidateProfile profile, LocalDate asOf) {
          return engine.evaluate(profile, asOf, locale);
        }

        @Override
        public List<FieldProblem> problems(CandidateProfile profile, LocalDate asOf) {
          return engine.problems(profile, asOf);
        }
      };
    }
  }

  /** Told after each record is written. */
  public interface Progress {
    void recordWritten(boolean error);
  }

  private final ProfileEvaluator engine;
  private final LocalDate asOf;
  private final ResultSink sink;
  private final Progress progress;
  private final ExecutorService pool;
  private final int window;
  private final ArrayDeque<Future<Object>> pending = new ArrayDeque<>();
  private final IdSet seenIds = new IdSet();
  private long records;
  private long errors;

  BatchEvaluator(CredpathEngine engine, LocalDate asOf, ResultSink sink, int threads, Progress progress) {
    this(ProfileEvaluator.of(engine, Locale.ENGLISH), asOf, sink, threads, progress);
  }

  public BatchEvaluator(ProfileEvaluator engine, LocalDate asOf, ResultSink sink, int threads, Progress progress) {
    this.engine = engine;
    this.asOf = asOf;
    this.sink = sink;
    this.progress = progress;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "credpath-worker");
      t.setDaemon(true);
      return t;
    }) : null;
    this.window = Math.max(1, threads) * WINDOW_PER_THREAD;
  }

  public void evaluateAll(ProfileStream stream) throws IOException {
    while (stream.hasNext()) {
      InputRecord record = stream.next();
      RecordError duplicate = duplicateCheck(record);
      if (pool == null) {
        write(duplicate != null ? errorRecord(record, record.candidateId(), duplicate) : evaluate(record));
      } else {
        pending.add(duplicate != null
            ? java.util.concurrent.CompletableFuture.completedFuture(errorRecord(record, record.candidateId(), duplicate))
            : pool.submit(() -> evaluate(record)));
        if (pending.size() >= window) {
          writeOldest();
        }
      }
    }
  }

  /** Writes everything still in flight; call once after the last stream. */
  public void finish() throws IOException {
    while (!pending.isEmpty()) {
      writeOldest();
    }
  }

  private void writeOldest() throws IOException {
    Future<Object> oldest = pending.poll();
    try {
      write(oldest.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a result", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed unexpectedly", e.getCause());
    }
  }

  private void write(Object output) throws IOException {
    boolean error = output instanceof ErrorRecord;
    records++;
    errors += error ? 1 : 0;
    sink.write(output);
    progress.recordWritten(error);
  }

  /** Ids must be unique within the batch; checked in input order, before any parallel work. */
  private RecordError duplicateCheck(InputRecord record) {
    String id = record.error() == null ? record.candidateId() : null;
    if (id != null && !seenIds.add(id)) {
      return new RecordError("DUPLICATE_ID", "$.id",
          "this id was already used by an earlier record; ids must be unique within a batch, so this record was not evaluated");
    }
    return null;
  }

  private Object evaluate(InputRecord record) {
    if (record.error() != null) {
      return errorRecord(record, record.candidateId(), record.error());
    }
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(record.node());
    String id = decoded.candidateId();
    if (!decoded.ok()) {
      return errorRecord(record, id, decoded.error(p -> engine.problems(p, asOf)));
    }
    try {
      return engine.evaluate(decoded.profile(), asOf);
    } catch (InvalidProfileException e) {
      return errorRecord(record, id, ProfileDecoder.invalid(e.problems()));
    } catch (EvaluationException e) {
      return errorRecord(record, id, new RecordError("EVALUATION_FAILED", "$",
          e.getMessage() + ". The rules need fixing; other records are unaffected"));
    } catch (RuntimeException e) {
      return errorRecord(record, id, new RecordError("EVALUATION_FAILED", "$",
          "evaluation failed unexpectedly (" + e.getClass().getSimpleName() + "); other records are unaffected"));
    }
  }

  public long records() {
    return records;
  }

  public long errors() {
    return errors;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static ErrorRecord errorRecord(InputRecord record, String candidateId, RecordError error) {
    return ErrorRecord.of(record.source(), record.index(), record.line(), candidateId, error);
  }
}
