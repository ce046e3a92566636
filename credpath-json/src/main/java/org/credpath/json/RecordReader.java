package org.credpath.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the text of one record (an NDJSON line, an array element, a request body) into a JSON
 * tree, or says why it cannot: {@code INVALID_JSON}, {@code DUPLICATE_KEY}, {@code TOO_LARGE} or
 * {@code INVALID_ENCODING} (a lone surrogate escape, see {@link LoneSurrogates}), each at the JSON path where the reading stopped and located in the input by line and column.
 *
 * <p>The limits are Jackson's {@link com.fasterxml.jackson.core.StreamReadConstraints} set in
 * {@link Json}; the message names the limit that was crossed. Messages never quote the text, which
 * may be personal data; field names are quoted because they are the contract's, or a typo of one.
 */
public final class RecordReader {
  private RecordReader() {}

  /** A tree, or the reason there is none. */
  public record Parsed(JsonNode node, RecordError error) {}

  /** Reads {@code text}, which starts at {@code line}/{@code column} of its input (1-based). */
  public static Parsed parse(String text, long line, long column) {
    JsonParser parser = null;
    try {
      parser = Json.MAPPER.createParser(text);
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonNode node = Json.MAPPER.readTree(parser);
      if (node == null) {
        return new Parsed(null, new RecordError("INVALID_JSON", "$", "empty record at line " + line));
      }
      if (parser.nextToken() != null) {
        return new Parsed(null, syntax(parser, line, column, "more than one value where one record was expected"));
      }
      String halfCharacter = LoneSurrogates.find(text, node);
      if (halfCharacter != null) {
        return new Parsed(null, new RecordError("INVALID_ENCODING", halfCharacter, "the record at line " + line
            + " holds a \\u escape for half a character (a lone surrogate) at " + halfCharacter
            + ", which is not Unicode text; write the whole character (both halves) or remove the escape"));
      }
      return new Parsed(node, null);
    } catch (StreamConstraintsException e) {
      return new Parsed(null, tooLarge(e, parser, line));
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Duplicate field")) {
        String path = pathOf(parser);
        return new Parsed(null, new RecordError("DUPLICATE_KEY", path, "the key `" + lastName(parser)
            + "` appears twice in the same object (line " + line + "); keep one of them. JSON readers disagree on "
            + "which one wins, so the record was not evaluated"));
      }
      return new Parsed(null, syntax(parser, line, column, message.contains("end-of-input")
          ? "the record ends before its closing bracket" : "check the quotes, commas and brackets there"));
    } catch (IOException e) {
      return new Parsed(null, new RecordError("INVALID_JSON", "$", "not valid JSON at line " + line));
    }
  }

  /**
   * A record longer than {@link Json#MAX_RECORD}: only its first {@code prefix} characters were kept.
   * Reports the first limit the prefix already breaks (a long string, deep nesting, a long number)
   * at its path, or else the record's length at the path where the prefix ends.
   */
  public static RecordError tooLong(String prefix, long line) {
    Parsed parsed = parse(prefix, line, 1);
    if (parsed.error() != null && parsed.error().code().equals("TOO_LARGE")) {
      return parsed.error();
    }
    String path = "$";
    try (JsonParser parser = Json.MAPPER.createParser(prefix)) {
      while (parser.nextToken() != null) {
        path = pathOf(parser);
      }
    } catch (IOException e) {
      // the prefix is cut off, so reading it always ends in an error; the path so far is what counts
    }
    return new RecordError("TOO_LARGE", path, "the record at line " + line + " is longer than " + Json.MAX_RECORD
        + " characters (the limit for one record; a profile is a few thousand) and was skipped up to its end");
  }

  private static RecordError tooLarge(StreamConstraintsException e, JsonParser parser, long line) {
    String message = String.valueOf(e.getMessage());
    String what;
    if (message.contains("String value length")) {
      what = "holds a string longer than " + Json.MAX_STRING + " characters";
    } else if (message.contains("nesting depth")) {
      what = "is nested more than " + Json.MAX_NESTING + " levels deep";
    } else if (message.contains("Number value length")) {
      what = "holds a number longer than " + Json.MAX_NUMBER + " digits";
    } else if (message.contains("Name length")) {
      what = "holds a field name longer than " + Json.MAX_NAME + " characters";
    } else {
      what = "is longer than " + Json.MAX_RECORD + " characters";
    }
    // An over-long name trips before it becomes the current name: the object is the place, not the field before it.
    String path = message.contains("Name length") ? objectPathOf(parser) : pathOf(parser);
    return new RecordError("TOO_LARGE", path, "the record at line " + line + " " + what
        + ", the most one record may hold, and was skipped");
  }

  private static RecordError syntax(JsonParser parser, long line, long column, String advice) {
    JsonLocation at = parser == null ? null : parser.currentLocation();
    long atLine = line;
    long atColumn = column;
    if (at != null && at.getLineNr() > 0) {
      atLine = line + at.getLineNr() - 1;
      atColumn = at.getLineNr() == 1 ? column + at.getColumnNr() - 1 : at.getColumnNr();
    }
    return new RecordError("INVALID_JSON", parser == null ? "$" : pathOf(parser),
        "not valid JSON at line " + atLine + ", column " + atColumn + ": " + advice);
  }

  /**
   * The record's top-level string {@code id}, read from its text as far as the text can be read
   * (before a syntax error, a duplicate key or a limit), so that an error record can still name its
   * candidate; null when there is none before the text goes wrong.
   */
  public static String idOf(String text) {
    try (JsonParser parser = Json.MAPPER.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        boolean isId = "id".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (isId) {
          return value == JsonToken.VALUE_STRING && !LoneSurrogates.lone(parser.getText()) ? parser.getText() : null;
        }
        parser.skipChildren();
      }
    } catch (IOException e) {
      // the text goes wrong before an id: there is none to report
    }
    return null;
  }

  /** "$.education[0].level" for where the parser stands. */
  public static String pathOf(JsonParser parser) {
    if (parser == null) {
      return "$";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inObject() && context.getCurrentName() != null) {
        parts.push("." + context.getCurrentName());
      } else if (context.inArray() && context.getEntryCount() > 0) {
        parts.push("[" + context.getCurrentIndex() + "]");
      }
    }
    return "$" + String.join("", parts);
  }

  /** The path of the object the parser is in, without the name of the field it read last. */
  private static String objectPathOf(JsonParser parser) {
    String path = pathOf(parser);
    JsonStreamContext context = parser == null ? null : parser.getParsingContext();
    String name = context != null && context.inObject() ? context.getCurrentName() : null;
    return name != null && path.endsWith("." + name) ? path.substring(0, path.length() - name.length() - 1) : path;
  }

  private static String lastName(JsonParser parser) {
    JsonStreamContext context = parser == null ? null : parser.getParsingContext();
    String name = context == null || context.getCurrentName() == null ? "" : context.getCurrentName();
    return name.length() > 60 ? name.substring(0, 60) + "…" : name;
  }
}
