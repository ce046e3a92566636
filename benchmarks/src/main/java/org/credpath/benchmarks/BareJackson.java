package org.credpath.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credpath.json.Json;
import org.credpath.model.profile.CandidateProfile;

/**
 * The bench's outside baseline: Jackson alone, with none of credpath's pipeline. Each NDJSON line
 * is bound to a {@link CandidateProfile} and written back as compact JSON to a counting null
 * writer; with several threads each takes an equal contiguous slice of the lines, with no ordering
 * and no hand-over. The throughput target is a fraction of this rate.
 */
final class BareJackson {
  static final String NAME = "bare Jackson: parse + write, no pipeline";

  private BareJackson() {}

  /** Parses and writes every line of {@code ndjson} on {@code threads} threads; returns profiles per second. */
  static double run(String ndjson, int threads) {
    String[] lines = ndjson.split("\n");
    long started = System.nanoTime();
    if (threads == 1) {
      slice(lines, 0, lines.length);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int from = (int) ((long) lines.length * t / threads);
          int to = (int) ((long) lines.length * (t + 1) / threads);
          slices.add(pool.submit(() -> slice(lines, from, to)));
        }
        for (Future<?> slice : slices) {
          slice.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("bare Jackson failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return lines.length / ((System.nanoTime() - started) / 1e9);
  }

  private static long slice(String[] lines, int from, int to) {
    BenchCommand.NullWriter out = new BenchCommand.NullWriter();
    try {
      for (int i = from; i < to; i++) {
        CandidateProfile profile = Json.PROFILE_READER.readValue(lines[i]);
        Json.COMPACT.writeValue(out, profile);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.chars;
  }
}
