package org.credpath.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.credpath.cli.io.ErrorRecord;
import org.credpath.cli.io.InputRecord;
import org.credpath.cli.io.ProfileStream;
import org.credpath.cli.io.ResultSink;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.json.ProfileDecoder;
import org.credpath.kb.json.RecordError;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;

/**
 * Evaluates every record of a stream and writes a result or an error record for each, in input
 * order. One bad record never stops the others.
 */
final class BatchEvaluator {
  private final CredpathEngine engine;
  private final LocalDate asOf;
  private final ResultSink sink;
  /** Where each id was first seen, to refuse duplicates within the batch. */
  private final Map<String, String> seenIds = new HashMap<>();
  private long records;
  private long errors;

  BatchEvaluator(CredpathEngine engine, LocalDate asOf, ResultSink sink) {
    this.engine = engine;
    this.asOf = asOf;
    this.sink = sink;
  }

  void evaluateAll(ProfileStream stream) throws IOException {
    while (stream.hasNext()) {
      InputRecord record = stream.next();
      records++;
      Object output = evaluate(record);
      if (output instanceof ErrorRecord) {
        errors++;
      }
      sink.write(output);
    }
  }

  private Object evaluate(InputRecord record) {
    if (record.error() != null) {
      return ErrorRecord.of(record, null, record.error());
    }
    ProfileDecoder.Decoded decoded = ProfileDecoder.decode(record.node(), asOf);
    String id = decoded.candidateId();
    if (id != null) {
      String where = record.source() + " record " + record.index();
      String first = seenIds.putIfAbsent(id, where);
      if (first != null) {
        return ErrorRecord.of(record, id, new RecordError("DUPLICATE_ID", "$.id",
            "this id was already used by " + first + "; ids must be unique within a batch, so this record was not evaluated"));
      }
    }
    if (!decoded.ok()) {
      return ErrorRecord.of(record, id, decoded.error());
    }
    try {
      return engine.evaluate(decoded.profile(), asOf);
    } catch (InvalidProfileException e) {
      return ErrorRecord.of(record, id, ProfileDecoder.invalid(e.problems()));
    } catch (EvaluationException e) {
      return ErrorRecord.of(record, id, new RecordError("EVALUATION_FAILED", "$",
          e.getMessage() + ". The rules need fixing; other records are unaffected"));
    }
  }

  long records() {
    return records;
  }

  long errors() {
    return errors;
  }
}
