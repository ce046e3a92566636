package org.credpath.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.ErrorRecord;
import org.credpath.json.ProfileDecoder;
import org.credpath.json.RecordError;
import org.credpath.json.input.InputEncoding;
import org.credpath.json.input.InputRecord;
import org.credpath.json.input.ProfileStream;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;

/**
 * The response to a batch body (a JSON array or NDJSON): one result or error record per framed
 * record, in order, exactly as the CLI writes them for the same text (an element that cannot be
 * evaluated gives its error record in place), each written as soon as it is evaluated.
 */
final class BatchBodies {
  private final ServerMetrics metrics;
  private final long maxBody;
  private final int maxProfiles;

  BatchBodies(ServerMetrics metrics, long maxBody, int maxProfiles) {
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.maxProfiles = maxProfiles;
  }

  /** What a request with more than {@code maxProfiles} profiles is told. */
  static String tooManyText(int maxProfiles) {
    return "the request holds more than " + maxProfiles + " profiles, the most one request may carry; "
        + "split the batch over several requests, or evaluate large files with the batch CLI (credpath evaluate)";
  }

  /** Writes the array of records for an array body already counted (at most the limit) and framed. */
  void array(OutputStream response, ProfileStream records, CredpathEngine engine, LocalDate asOf, Locale locale)
      throws IOException {
    Set<String> ids = new HashSet<>();
    try (Writer out = writer(response)) {
      boolean first = true;
      while (records.hasNext()) {
        out.write(JsonLayer.arrayStart(first));
        out.write(JsonLayer.pretty(evaluate(engine, asOf, locale, records.next(), ids)));
        first = false;
      }
      out.write(JsonLayer.arrayEnd(first));
    }
  }

  /** One result or error record, exactly as the CLI evaluates a record of a batch. */
  private Object evaluate(CredpathEngine engine, LocalDate asOf, Locale locale, InputRecord element, Set<String> ids) {
    Object record = evaluateOne(engine, asOf, locale, element, ids);
    if (record instanceof ErrorRecord error) {
      metrics.error(error.error().code());
    } else {
      metrics.result();
    }
    return record;
  }

  private static Object evaluateOne(CredpathEngine engine, LocalDate asOf, Locale locale, InputRecord element,
      Set<String> ids) {
    if (element.error() != null) {
      return JsonLayer.errorRecord(element.index(), element.line(), element.candidateId(), element.error());
    }
    JsonNode node = element.node();
    String id = node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
    if (id != null && !ids.add(id)) {
      return JsonLayer.errorRecord(element.index(), element.line(), id, new RecordError("DUPLICATE_ID", "$.id",
          "this id was already used by an earlier record; ids must be unique within a batch, so this record was not evaluated"));
    }
    ProfileDecoder.Decoded decoded = JsonLayer.decode(node);
    if (!decoded.ok()) {
      return JsonLayer.errorRecord(element.index(), element.line(), decoded.candidateId(), JsonLayer.error(decoded, engine, asOf));
    }
    try {
      return engine.evaluate(decoded.profile(), asOf, locale);
    } catch (InvalidProfileException e) {
      return JsonLayer.errorRecord(element.index(), element.line(), id, JsonLayer.invalid(e.problems()));
    } catch (EvaluationException e) {
      return JsonLayer.errorRecord(element.index(), element.line(), id, new RecordError("EVALUATION_FAILED", "$",
          e.getMessage() + ". The rules need fixing; other records are unaffected"));
    } catch (RuntimeException e) {
      return JsonLayer.errorRecord(element.index(), element.line(), id, new RecordError("EVALUATION_FAILED", "$",
          "evaluation failed unexpectedly (" + e.getClass().getSimpleName() + "); other records are unaffected"));
    }
  }

  /**
   * Streams NDJSON: each record is evaluated and written as soon as it is framed (as the CLI
   * frames a file), and output is flushed whenever the client has sent nothing more yet. A body
   * that passes the limit midway ends with a {@code TOO_LARGE} record, since the results before it
   * are already sent.
   */
  void ndjson(OutputStream response, InputStream body, CredpathEngine engine, LocalDate asOf, Locale locale)
      throws IOException {
    Set<String> ids = new HashSet<>();
    try (Writer out = writer(response);
        ProfileStream records = new ProfileStream(JsonLayer.SOURCE, InputEncoding.open(body))) {
      int evaluated = 0;
      while (true) {
        InputRecord record;
        try {
          if (!records.hasNext()) {
            return;
          }
          if (evaluated == maxProfiles) {
            metrics.error("TOO_LARGE");
            out.write(JsonLayer.compact(JsonLayer.errorRecord(evaluated, records.line(), null, new RecordError(
                "TOO_LARGE", "$", tooManyText(maxProfiles) + ". The first " + maxProfiles + " were evaluated; the rest was not evaluated")))
                + "\n");
            return;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          out.write(JsonLayer.compact(stopped(e.getCause(), records)) + "\n");
          return;
        }
        out.write(JsonLayer.compact(evaluate(engine, asOf, locale, record, ids)));
        out.write('\n');
        evaluated++;
        if (!records.ready()) {
          out.flush();
        }
      }
    }
  }

  /** The record that ends an NDJSON response whose body could not be read to its end. */
  private Object stopped(IOException cause, ProfileStream records) {
    long line = records.line();
    if (cause instanceof LimitedInputStream.LimitExceeded) {
      metrics.error("TOO_LARGE");
      return JsonLayer.errorRecord(records.count(), line, null, new RecordError("TOO_LARGE", "$",
          "the request body passed " + maxBody + " bytes at line " + line
              + "; the records before were evaluated, the rest was not read. Send fewer profiles per request"));
    }
    metrics.error("TRUNCATED_INPUT");
    return JsonLayer.errorRecord(records.count(), line, null, new RecordError("TRUNCATED_INPUT", "$",
        "the request body stopped at line " + line + " (the connection went quiet or was closed); "
            + "the records before were evaluated"));
  }

  private static Writer writer(OutputStream out) {
    return new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
  }
}
