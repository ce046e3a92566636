package org.credpath.server;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.ProfileDecoder;
import org.credpath.json.RecordError;
import org.credpath.json.input.InputEncoding;
import org.credpath.json.input.InputRecord;
import org.credpath.json.input.ProfileStream;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;

/**
 * {@code POST /v1/evaluations}: what the request asks (media type, date, language, size) and the
 * one-profile body, whose faults are problems with a status of their own. One profile gives one
 * result; an array gives an array of results in order and NDJSON gives NDJSON, streamed, both
 * written by {@link BatchBodies}. Bodies larger than the limit are refused from their
 * {@code Content-Length} without being read, or as soon as the limit is passed.
 */
final class Evaluations {
  static final String NDJSON = "application/x-ndjson";
  private final Rules rules;
  private final ServerMetrics metrics;
  private final long maxBody;
  private final int maxProfiles;
  private final Clock clock;
  private final BatchBodies batches;

  Evaluations(Rules rules, ServerMetrics metrics, long maxBody, int maxProfiles, Clock clock) {
    this.rules = rules;
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.maxProfiles = maxProfiles;
    this.clock = clock;
    this.batches = new BatchBodies(metrics, maxBody, maxProfiles);
  }

  void handle(Context ctx) throws IOException {
    LocalDate asOf = asOf(ctx.queryParam("asOf"));
    String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
    String type = mediaType(ctx.contentType());
    if (!type.equals("application/json") && !type.equals(NDJSON)) {
      throw Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
          "send profiles as application/json (one object or an array) or " + NDJSON + " (one object per line)").raise();
    }
    BodyCoding.check(ctx);
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBody) {
      throw tooLarge();
    }
    CredpathEngine engine = rules.current();
    if (engine == null) {
      throw Problem.of("not-ready", "Service Unavailable", 503, "the rules are still loading; try again in a moment").raise();
    }
    if (!engine.languages().contains(lang)) {
      throw Problem.of("unsupported-language", "Language not available", 400,
          "the rules have messages in " + String.join(", ", engine.languages()) + "; leave lang out for English").raise();
    }
    Locale locale = Locale.forLanguageTag(lang);
    InputStream body = new LimitedInputStream(ctx.req().getInputStream(), maxBody);
    if (type.equals(NDJSON)) {
      ctx.status(200).contentType(NDJSON);
      batches.ndjson(ctx.res().getOutputStream(), body, engine, asOf, locale);
    } else {
      json(ctx, engine, asOf, locale, readAll(body));
    }
  }

  private Problem.Raised tooLarge() {
    metrics.error("TOO_LARGE");
    return Problem.of("too-large", "Content Too Large", 413,
        "the request body is larger than " + maxBody + " bytes; send fewer profiles per request").raise();
  }

  /**
   * More profiles than one request may carry: refused before any is evaluated. The body limit
   * alone does not bound the work, since a 10 MiB array of 3 million {@code {}} costs minutes of
   * CPU and a response of nearly a gigabyte (review finding F2).
   */
  private Problem.Raised tooManyProfiles() {
    metrics.error("TOO_LARGE");
    return Problem.of("too-many-profiles", "Content Too Large", 413, BatchBodies.tooManyText(maxProfiles)).raise();
  }

  /** The body stopped before its end: the client went quiet past the idle timeout, or closed. */
  private Problem.Raised incomplete() {
    metrics.error("TRUNCATED_INPUT");
    return Problem.of("incomplete-body", "Bad Request", 400,
        "the request body stopped before its end (the connection went quiet or was closed); send it again whole").raise();
  }

  private LocalDate asOf(String text) {
    if (text == null) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Problem.of("invalid-as-of", "Bad Request", 400,
          "asOf is not a calendar date; write it as YYYY-MM-DD, such as 2026-11-22").raise();
    }
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private byte[] readAll(InputStream body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      body.transferTo(bytes);
    } catch (LimitedInputStream.LimitExceeded e) {
      throw tooLarge();
    } catch (IOException e) {
      throw incomplete();
    }
    return bytes.toByteArray();
  }

  /**
   * An object gives one result; an array gives results in order, each written as it is framed.
   * The body is framed exactly as the CLI frames a file ({@link ProfileStream}: same encodings, line
   * ends, broken elements, text after the array), so an array body gives the records the CLI
   * gives for the same text, a fault in its structure included. A body that is not an array must
   * be one record: anything after it is a 400, since one result cannot hold two.
   */
  private void json(Context ctx, CredpathEngine engine, LocalDate asOf, Locale locale, byte[] bytes) throws IOException {
    try (ProfileStream records = new ProfileStream(JsonLayer.SOURCE, InputEncoding.open(new ByteArrayInputStream(bytes)))) {
      boolean any = records.hasNext();
      if (!records.array()) {
        if (!any) {
          throw malformed("the body is empty; send one profile { … } or an array [ … ] of them");
        }
        InputRecord record = records.next();
        if (records.hasNext()) {
          throw malformed("there is more after the first JSON value; send one object or one array");
        }
        single(ctx, engine, asOf, locale, record);
        return;
      }
      // Counted by framing alone, before the 200 starts and before any element is parsed or evaluated.
      if (ProfileStream.count(InputEncoding.open(new ByteArrayInputStream(bytes)), maxProfiles) > maxProfiles) {
        throw tooManyProfiles();
      }
      ctx.status(200).contentType("application/json");
      batches.array(ctx.res().getOutputStream(), records, engine, asOf, locale);
    }
  }

  /** One profile: its result, or a problem whose status says whose fault it is. */
  private void single(Context ctx, CredpathEngine engine, LocalDate asOf, Locale locale, InputRecord record) {
    RecordError error = record.error();
    if (error != null) {
      metrics.error(error.code());
      switch (error.code()) {
        case "INVALID_ENCODING" -> throw Problem.of("invalid-encoding", "Bad Request", 400,
            "the body is not valid text: bytes invalid in its encoding, or half a character (see errors); send UTF-8").with(Problem.items(error)).raise();
        case "TOO_LARGE" -> throw Problem.of("too-large-value", "Bad Request", 400, "the JSON is nested more than "
            + JsonLayer.maxNesting() + " levels deep or holds a string, number or name beyond its limit")
            .with(Problem.items(error)).raise();
        case "INVALID_JSON", "TRUNCATED_INPUT" -> throw Problem.of("invalid-json", "Bad Request", 400, error.message()).raise();
        default -> throw invalidProfile(error);
      }
    }
    ProfileDecoder.Decoded decoded = JsonLayer.decode(record.node());
    if (!decoded.ok()) {
      throw invalid(JsonLayer.error(decoded, engine, asOf));
    }
    Object result;
    try {
      result = engine.evaluate(decoded.profile(), asOf, locale);
    } catch (InvalidProfileException e) {
      throw invalid(JsonLayer.invalid(e.problems()));
    } catch (EvaluationException e) {
      metrics.error("EVALUATION_FAILED");
      throw Problem.of("evaluation-failed", "Internal Server Error", 500,
          e.getMessage() + ". The rules need fixing; other profiles are unaffected").raise();
    }
    metrics.result();
    ctx.status(200).contentType("application/json").result(JsonLayer.pretty(result) + "\n");
  }

  private Problem.Raised invalid(RecordError error) {
    metrics.error(error.code());
    return invalidProfile(error);
  }

  private static Problem.Raised invalidProfile(RecordError error) {
    return Problem.of("invalid-profile", "Unprocessable Content", 422,
        "the profile breaks the contract: see errors for each code and JSON path").with(Problem.items(error)).raise();
  }

  private Problem.Raised malformed(String detail) {
    metrics.error("INVALID_JSON");
    return Problem.of("invalid-json", "Bad Request", 400, detail).raise();
  }
}
