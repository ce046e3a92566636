package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.credpath.population.ProfileGenerator;
import org.credpath.json.input.ProfileStream;
import org.credpath.json.Json;

/**
 * The accounting rule over generated inputs (jqwik): for any sequence of valid and broken values,
 * written as NDJSON or as an array (with records after its {@code ]}), with LF, CRLF or CR line
 * ends, in UTF-8, UTF-16 or UTF-32, the output holds exactly one record per value, in order, and
 * every valid value has its result.
 *
 * <p>"Broken" covers what a value can get wrong on its own: syntax, duplicate keys, limits,
 * unknown fields, types, non-objects, garbage. A record that is never closed (or holds a stray
 * {@code ]}) is generated only for NDJSON: in an array it may swallow the elements after it up to
 * the next one that starts with {@code {}. Stray brackets on a line of their own are left to the
 * conformance table ({@link InputAccountingTest}): after an unclosed first line, a lone {@code }}
 * legitimately closes it.
 */
class InputAccountingPropertyTest {
  @BeforeContainer
  static void load() {
    if (InputFuzzTest.engine == null) {
      // the compiled-rules cache the CLI tests fill: loading takes a fraction of compiling
      InputFuzzTest.engine = RulesLoader.load(null, new PrintWriter(System.err, true));
    }
  }

  /** One value to write: its text (one line unless {@code multiLine}), and whether it must evaluate. */
  record Value(String text, boolean valid, boolean closed, boolean multiLine) {}

  /**
   * @param after for an array, the number of records written after its {@code ]} (each is one error
   *     record: a file holds one array or a stream of records, never both)
   * @param encoding how the text is written out: UTF-8 or, as a user's editor may save it, UTF-16/32
   */
  record Input(List<Value> values, boolean array, String newline, boolean bom, boolean blankLines, boolean finalNewline,
      int after, String encoding) {
    byte[] bytes() {
      return render().getBytes(java.nio.charset.Charset.forName(encoding));
    }

    String render() {
      StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
      if (array) {
        out.append('[').append(newline);
        for (int i = 0; i < values.size(); i++) {
          out.append(i == 0 ? "" : "," + newline).append(values.get(i).text());
        }
        out.append(newline).append(']');
        for (int i = 0; i < after; i++) {
          out.append(newline).append("{\"id\":\"after").append(i).append("\",\"highSchool\":\"GED\"}");
        }
      } else {
        for (int i = 0; i < values.size(); i++) {
          out.append(values.get(i).text());
          if (i < values.size() - 1 || finalNewline) {
            out.append(newline);
          }
          if (blankLines && i % 2 == 0) {
            out.append("  ").append(newline);
          }
        }
      }
      return out.toString();
    }
  }

  @Property(tries = 100)
  void recordsOut_equalValuesIn_andEveryValidValueHasItsResult(@ForAll("inputs") Input input) throws IOException {
    List<JsonNode> records = InputFuzzTest.pipeline(input.bytes());

    assertThat(records).as(input.render()).hasSize(input.values().size() + input.after());
    for (int i = input.values().size(); i < records.size(); i++) {
      assertThat(records.get(i).at("/error/code").asText()).as("record %d after the array", i).isEqualTo("INVALID_JSON");
      assertThat(records.get(i).path("candidateId").asText()).isEqualTo("after" + (i - input.values().size()));
      assertThat(records.get(i).at("/error/index").asInt()).isEqualTo(i);
    }
    for (int i = 0; i < input.values().size(); i++) {
      JsonNode record = records.get(i);
      if (input.values().get(i).valid()) {
        assertThat(record.path("candidateId").asText()).as("value %d of %s", i, input.render()).isEqualTo("v" + i);
        assertThat(record.has("credentials")).as("value %d: %s", i, record).isTrue();
      } else {
        assertThat(record.has("error")).as("value %d of %s", i, input.render()).isTrue();
        assertThat(record.at("/error/index").asInt()).isEqualTo(i);
      }
    }
  }

  /** Framing does not depend on how the reader hands out characters (buffer boundaries anywhere). */
  @Property(tries = 100)
  void recordsDoNotDependOnWhereReadsEnd(@ForAll("inputs") Input input, @ForAll long seed) throws IOException {
    String text = input.render();
    assertThat(read(new StringReader(text))).isEqualTo(read(new ChunkedReader(text, new Random(seed))));
  }

  /**
   * Differential: valid JSON, formatted with random whitespace and line breaks of all three kinds (indented after a
   * line break in a stream of objects, as every pretty-printer does), strings full of brackets,
   * quotes, escapes and BOMs, is framed into exactly the values Jackson reads from it.
   */
  @Property(tries = 300)
  void validJsonInAnyFormatting_isFramedExactlyAsJacksonReadsIt(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    boolean array = random.nextBoolean();
    List<JsonNode> values = new ArrayList<>();
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      values.add(array && random.nextInt(4) == 0 ? randomJson(random, 0) : randomObject(random, 0));
    }
    String text = array
        ? spread(Json.toTree(values), random, false)
        : String.join("", values.stream().map(v -> {
            try {
              return spread(v, random, true) + (random.nextBoolean() ? "\n" : " ");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).toList());
    List<String> framed = new ArrayList<>();
    try (ProfileStream stream = new ProfileStream("p", new ChunkedReader(text, random))) {
      stream.forEachRemaining(r -> framed.add(r.error() != null ? "ERROR " + r.error() : r.node().toString()));
    }
    assertThat(framed).as(text).containsExactlyElementsOf(values.stream().map(JsonNode::toString).toList());
  }

  private static final String TRICKY = "ab{}[]\",:\\ \t/é\u2028\uFEFF";

  private static JsonNode randomJson(Random random, int depth) {
    return switch (random.nextInt(depth > 3 ? 4 : 6)) {
      case 0 -> com.fasterxml.jackson.databind.node.TextNode.valueOf(tricky(random, 8));
      case 1 -> com.fasterxml.jackson.databind.node.IntNode.valueOf(random.nextInt(2000) - 1000);
      case 2 -> random.nextBoolean() ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE
          : com.fasterxml.jackson.databind.node.NullNode.instance;
      case 3 -> com.fasterxml.jackson.databind.node.DoubleNode.valueOf(random.nextDouble() * 100);
      case 4 -> randomObject(random, depth + 1);
      default -> {
        com.fasterxml.jackson.databind.node.ArrayNode list = Json.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomJson(random, depth + 1));
        }
        yield list;
      }
    };
  }

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode object = Json.objectNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      object.set("k" + i + tricky(random, 2), randomJson(random, depth + 1));
    }
    return object;
  }

  private static String tricky(Random random, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max); i > 0; i--) {
      text.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
    }
    return text.toString();
  }

  /**
   * Serializes {@code value} with a random space, tab, LF, CRLF, CR or blank line before a third of its
   * tokens; Jackson's parser says where the tokens start, so no quote tracking is needed here.
   */
  private static String spread(JsonNode value, Random random, boolean indentAfterNewline) throws IOException {
    String json = Json.COMPACT.writeValueAsString(value);
    StringBuilder out = new StringBuilder();
    int from = 0;
    try (com.fasterxml.jackson.core.JsonParser parser = Json.createParser(json)) {
      while (parser.nextToken() != null) {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        out.append(json, from, start);
        from = start;
        if (start > 0 && random.nextInt(3) == 0) {
          String space = List.of(" ", "\t", "\n", "\r\n", "  \n   ", "\r", " \r\r").get(random.nextInt(7));
          out.append(space).append(indentAfterNewline && (space.endsWith("\n") || space.endsWith("\r")) ? " " : "");
        }
      }
    }
    return out.append(json.substring(from)).toString();
  }

  private static List<String> read(Reader reader) throws IOException {
    List<String> records = new ArrayList<>();
    try (ProfileStream stream = new ProfileStream("p", reader)) {
      stream.forEachRemaining(r -> records.add(r.index() + " " + r.line() + " " + r.node() + " " + r.error()));
    }
    return records;
  }

  /** Hands out 1 to 9 characters per read, so that every place in a record meets a buffer boundary. */
  static final class ChunkedReader extends Reader {
    private final String text;
    private final Random random;
    private int at;

    ChunkedReader(String text, Random random) {
      this.text = text;
      this.random = random;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (at >= text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, 1 + random.nextInt(9)), text.length() - at);
      text.getChars(at, at + n, buffer, offset);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<Boolean> array = Arbitraries.of(true, false);
    Arbitrary<String> encodings = Arbitraries.frequency(net.jqwik.api.Tuple.of(6, "UTF-8"), net.jqwik.api.Tuple.of(1, "UTF-16LE"),
        net.jqwik.api.Tuple.of(1, "UTF-16BE"), net.jqwik.api.Tuple.of(1, "UTF-32LE"));
    return array.flatMap(isArray -> Combinators.combine(
        values(isArray).list().ofMinSize(1).ofMaxSize(8),
        Arbitraries.of("\n", "\r\n", "\r"),
        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
        isArray ? Arbitraries.frequency(net.jqwik.api.Tuple.of(3, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2))
            : Arbitraries.just(0),
        encodings)
        .as((values, newline, bom, blank, finalNewline, after, encoding) ->
            new Input(number(values), isArray, newline, bom, blank, finalNewline, after, encoding)))
        // a file that starts with [ is an array: NDJSON whose first value is an array is not NDJSON
        .filter(input -> input.array() || !input.values().get(0).text().startsWith("["));
  }

  /** Gives every valid value the id {@code v<position>}, so results can be matched to values. */
  private static List<Value> number(List<Value> values) {
    List<Value> numbered = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      numbered.add(v.valid() ? new Value(v.text().replace("\"@ID@\"", "\"v" + i + "\""), true, true, v.multiLine()) : v);
    }
    return numbered;
  }

  private Arbitrary<Value> values(boolean array) {
    Arbitrary<Value> valid = Arbitraries.longs().flatMap(seed -> Arbitraries.of(false, true).map(pretty -> {
      try {
        ObjectNode node = (ObjectNode) Json.toTree(new ProfileGenerator(seed, InputFuzzTest.AS_OF).next(0));
        node.put("id", "@ID@");
        boolean multiLine = pretty && array;
        return new Value(multiLine ? Json.PRETTY.writeValueAsString(node) : Json.COMPACT.writeValueAsString(node), true, true, multiLine);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }));
    List<String> broken = new ArrayList<>(List.of(
        "{\"id\":\"b\" \"highSchool\":\"GED\"}",
        "{\"id\":\"b\",\"highSchool\":\"GED\",}",
        "{\"id\":\"b\",\"id\":\"c\",\"highSchool\":\"GED\"}",
        "{\"id\":\"b\",\"highschool\":\"GED\",\"colour\":1}",
        "{\"id\":\"b\",\"highSchool\":5}",
        "{\"id\":\"b\",\"highSchool\":\"GED\",\"state\":\"" + "x".repeat(12_000) + "\"}",
        "{\"id\":\"b\",\"highSchool\":\"GED\",\"goals\":" + "[".repeat(100) + "]".repeat(100) + "}",
        "{\"id\":\"b\",\"highSchool\":\"GED\",\"experience\":[{\"months\":" + "7".repeat(150) + "}]}",
        "{\"id\":\"b\",\"highSchool\":\"MAYBE\",\"credentials\":[{\"code\":\"RHIT\",\"earnedOn\":\"2099-01-01\"}]}",
        "{}", "42", "null", "\"text\"", "true", "[1,2]", "[]", "garbage"));
    if (!array) {
      broken.addAll(List.of("{\"id\":\"b\",\"highSchool\":\"GED\"", "{\"id\":\"b,\"highSchool\":\"GED\"}",
          "{\"id\":\"b\",\"highSchool\":\"GED\"]}"));
    }
    Arbitrary<Value> bad = Arbitraries.of(broken).map(text -> new Value(text, false, true, false));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(2, bad));
  }
}
