package org.credpath.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.credpath.cli.BatchEvaluator;
import org.credpath.cli.io.JsonSinks;
import org.credpath.json.input.ProfileStream;
import org.credpath.cli.io.RecordOutput;
import org.credpath.cli.io.ResultSink;

/**
 * One benchmark phase: the real streaming pipeline of {@code credpath evaluate} (NDJSON parsed
 * record by record, ordered parallel evaluation, NDJSON written) with a given evaluator.
 */
record BenchPhase(String name, BatchEvaluator.ProfileEvaluator evaluator) {

  /** Runs the pipeline over {@code ndjson} on {@code threads} workers; returns profiles per second. */
  double run(String ndjson, LocalDate asOf, int threads) throws IOException {
    BenchCommand.NullWriter out = new BenchCommand.NullWriter();
    long started = System.nanoTime();
    long records;
    try (ResultSink sink = JsonSinks.ndjson(new RecordOutput(out));
        BatchEvaluator batch = new BatchEvaluator(evaluator, asOf, sink, threads, error -> { });
        ProfileStream stream = new ProfileStream("bench", new BufferedReader(new StringReader(ndjson), 1 << 16))) {
      batch.evaluateAll(stream);
      batch.finish();
      records = batch.records();
      if (batch.errors() > 0) {
        throw new IllegalStateException(name + ": " + batch.errors() + " generated profiles failed");
      }
    }
    return records / ((System.nanoTime() - started) / 1e9);
  }
}
