package org.credpath.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.credpath.engine.CredpathEngine;
import org.credpath.json.ErrorRecord;
import org.credpath.json.ProfileDecoder;
import org.credpath.json.RecordError;
import org.credpath.json.RecordReader;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.InvalidProfileException;

/**
 * {@code POST /v1/evaluations}: one profile gives one result, an array gives an array of results
 * in order (an element that cannot be evaluated gives its error record in place, as in the CLI),
 * NDJSON gives NDJSON, streamed. Bodies larger than the limit are refused from their
 * {@code Content-Length} without being read, or as soon as the limit is passed.
 */
final class Evaluations {
  static final String NDJSON = "application/x-ndjson";
  /** Longest NDJSON line kept; longer ones are reported as TOO_LARGE (the CLI's record limit). */
  static final int MAX_LINE = JsonLayer.maxRecord();

  private final Rules rules;
  private final ServerMetrics metrics;
  private final long maxBody;
  private final int maxProfiles;
  private final Clock clock;

  Evaluations(Rules rules, ServerMetrics metrics, long maxBody, int maxProfiles, Clock clock) {
    this.rules = rules;
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.maxProfiles = maxProfiles;
    this.clock = clock;
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
      ndjson(ctx, engine, asOf, locale, body);
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
    return Problem.of("too-many-profiles", "Content Too Large", 413, tooManyText()).raise();
  }

  private String tooManyText() {
    return "the request holds more than " + maxProfiles + " profiles, the most one request may carry; "
        + "split the batch over several requests, or evaluate large files with the batch CLI (credpath evaluate)";
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

  /** A value read from the body, with where it started: a tree, or why there is none. */
  private record Element(int index, long line, JsonNode node, RecordError error, String candidateId) {}

  /** What a decoder puts in place of bytes that are not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private static final RecordError INVALID_ENCODING = new RecordError("INVALID_ENCODING", "$",
      "the record holds bytes that are not valid UTF-8; send UTF-8");

  /**
   * An object gives one result; an array gives results in order. The array's structure is read
   * first (a body whose brackets cannot be followed is a 400); each element's text is then read as
   * the CLI reads a record, so a duplicate key or an over-long value costs only that element.
   */
  private void json(Context ctx, CredpathEngine engine, LocalDate asOf, Locale locale, byte[] bytes) throws IOException {
    String body = new String(bytes, StandardCharsets.UTF_8);
    List<Element> elements = new ArrayList<>();
    boolean array;
    try (JsonParser parser = JsonLayer.parser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw malformed("the body is empty; send one profile { … } or an array [ … ] of them", null);
      }
      array = first == JsonToken.START_ARRAY;
      if (array) {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (token == null) {
            throw malformed("the array is not closed: the body ends before its ]", null);
          }
          if (elements.size() == maxProfiles) {
            throw tooManyProfiles();
          }
          elements.add(element(elements.size(), parser, body));
        }
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw malformed("there is more after the first JSON value; send one object or one array", null);
      }
    } catch (StreamConstraintsException e) {
      metrics.error("TOO_LARGE");
      throw Problem.of("too-large-value", "Bad Request", 400, "the JSON is nested more than " + JsonLayer.maxNesting()
          + " levels deep or holds a string, number or name beyond its limit").raise();
    } catch (JsonProcessingException e) {
      throw malformed("not valid JSON", e);
    }
    if (!array) {
      single(ctx, engine, asOf, locale, body);
      return;
    }
    ctx.status(200).contentType("application/json");
    Set<String> ids = new HashSet<>();
    try (Writer out = writer(ctx.res().getOutputStream())) {
      for (Element element : elements) {
        out.write(JsonLayer.arrayStart(element.index() == 0));
        out.write(JsonLayer.pretty(evaluate(engine, asOf, locale, element, ids)));
      }
      out.write(JsonLayer.arrayEnd(elements.isEmpty()));
    }
  }

  /** The array element the parser stands on, read from its own text. */
  private static Element element(int index, JsonParser parser, String body) throws IOException {
    com.fasterxml.jackson.core.JsonLocation start = parser.currentTokenLocation();
    parser.skipChildren();
    String text = body.substring((int) start.getCharOffset(), (int) parser.currentLocation().getCharOffset());
    return element(index, start.getLineNr(), start.getColumnNr(), text);
  }

  private static Element element(int index, long line, long column, String text) {
    if (text.indexOf(REPLACEMENT) >= 0) {
      return new Element(index, line, null, INVALID_ENCODING, JsonLayer.idOf(text));
    }
    RecordReader.Parsed parsed = JsonLayer.parse(text, line, column);
    return parsed.error() == null ? new Element(index, line, parsed.node(), null, null)
        : new Element(index, line, null, parsed.error(), JsonLayer.idOf(text));
  }

  private void single(Context ctx, CredpathEngine engine, LocalDate asOf, Locale locale, String body) {
    if (body.indexOf(REPLACEMENT) >= 0) {
      metrics.error(INVALID_ENCODING.code());
      throw Problem.of("invalid-encoding", "Bad Request", 400, "the body holds bytes that are not valid UTF-8; send UTF-8")
          .with(Problem.items(INVALID_ENCODING)).raise();
    }
    RecordReader.Parsed parsed = JsonLayer.parse(body, 1, 1);
    if (parsed.error() != null) {
      throw invalid(parsed.error());
    }
    ProfileDecoder.Decoded decoded = JsonLayer.decode(parsed.node(), asOf);
    if (!decoded.ok()) {
      throw invalid(decoded.error());
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
    return Problem.of("invalid-profile", "Unprocessable Content", 422,
        "the profile breaks the contract: see errors for each code and JSON path").with(Problem.items(error)).raise();
  }

  private Problem.Raised malformed(String detail, JsonProcessingException e) {
    metrics.error("INVALID_JSON");
    String where = e == null || e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
            + ": check the quotes, commas and brackets there";
    return Problem.of("invalid-json", "Bad Request", 400, detail + where).raise();
  }

  /** One result or error record, exactly as the CLI evaluates a record of a batch. */
  private Object evaluate(CredpathEngine engine, LocalDate asOf, Locale locale, Element element, Set<String> ids) {
    Object record = evaluateOne(engine, asOf, locale, element, ids);
    if (record instanceof ErrorRecord error) {
      metrics.error(error.error().code());
    } else {
      metrics.result();
    }
    return record;
  }

  private static Object evaluateOne(CredpathEngine engine, LocalDate asOf, Locale locale, Element element, Set<String> ids) {
    if (element.error() != null) {
      return JsonLayer.errorRecord(element.index(), element.line(), element.candidateId(), element.error());
    }
    JsonNode node = element.node();
    String id = node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
    if (id != null && !ids.add(id)) {
      return JsonLayer.errorRecord(element.index(), element.line(), id, new RecordError("DUPLICATE_ID", "$.id",
          "this id was already used by an earlier record; ids must be unique within a batch, so this record was not evaluated"));
    }
    ProfileDecoder.Decoded decoded = JsonLayer.decode(node, asOf);
    if (!decoded.ok()) {
      return JsonLayer.errorRecord(element.index(), element.line(), decoded.candidateId(), decoded.error());
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
   * Streams NDJSON: each line is evaluated and written as soon as it is read, and output is
   * flushed whenever the client has sent nothing more yet. A body that passes the limit midway
   * ends with a {@code TOO_LARGE} record, since the results before it are already sent.
   */
  private void ndjson(Context ctx, CredpathEngine engine, LocalDate asOf, Locale locale, InputStream body) throws IOException {
    ctx.status(200).contentType(NDJSON);
    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    Set<String> ids = new HashSet<>();
    int index = 0;
    long lineNo = 0;
    try (Writer out = writer(ctx.res().getOutputStream())) {
      while (true) {
        String line;
        try {
          line = readLine(in);
        } catch (LimitedInputStream.LimitExceeded e) {
          metrics.error("TOO_LARGE");
          out.write(JsonLayer.compact(JsonLayer.errorRecord(index, lineNo + 1, null, new RecordError("TOO_LARGE", "$",
              "the request body passed " + maxBody + " bytes at line " + (lineNo + 1)
                  + "; the records before were evaluated, the rest was not read. Send fewer profiles per request"))) + "\n");
          return;
        } catch (IOException e) {
          metrics.error("TRUNCATED_INPUT");
          out.write(JsonLayer.compact(JsonLayer.errorRecord(index, lineNo + 1, null, new RecordError("TRUNCATED_INPUT", "$",
              "the request body stopped at line " + (lineNo + 1) + " (the connection went quiet or was closed); "
                  + "the records before were evaluated"))) + "\n");
          return;
        }
        if (line == null) {
          return;
        }
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (index == maxProfiles) {
          metrics.error("TOO_LARGE");
          out.write(JsonLayer.compact(JsonLayer.errorRecord(index, lineNo, null, new RecordError("TOO_LARGE", "$",
              tooManyText() + ". The first " + maxProfiles + " were evaluated; the rest was not evaluated"))) + "\n");
          return;
        }
        Element element = element(index++, lineNo, 1, line);
        out.write(JsonLayer.compact(evaluate(engine, asOf, locale, element, ids)));
        out.write('\n');
        if (!in.ready()) {
          out.flush();
        }
      }
    }
  }

  /** A line without its terminator, or null at the end; an over-long line is cut at MAX_LINE + 1. */
  private static String readLine(BufferedReader in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (line.length() <= MAX_LINE) {
        line.append((char) c);
      }
    }
    if (c == -1 && line.length() == 0) {
      return null;
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }

  private static Writer writer(OutputStream out) {
    return new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
  }
}
