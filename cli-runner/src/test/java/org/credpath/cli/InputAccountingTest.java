package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.credpath.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounting rule, as a user with messy files meets it: every top-level value yields exactly
 * one output record and text that is not a value yields an error record; the exit code is 0 only
 * when every value was evaluated. Each row runs the real {@code credpath evaluate} over real files
 * and asserts the exact sequence of output records: {@code ok:ID} for a result, {@code CODE PATH
 * Lline} for an error record.
 */
class InputAccountingTest {
  @TempDir Path tmp;

  static String p(String id) {
    return "{\"id\":\"" + id + "\",\"highSchool\":\"GED\"}";
  }

  static String pretty(String id) {
    return "{\n  \"id\": \"" + id + "\",\n  \"highSchool\": \"GED\",\n  \"experience\": [\n    {\n      \"months\": 3,\n"
        + "      \"kinds\": [\"CODING\"]\n    }\n  ]\n}\n";
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] encoded(String text, String charset) {
    return text.getBytes(java.nio.charset.Charset.forName(charset));
  }

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] b ? b : utf8(part.toString()));
    }
    return out.toByteArray();
  }

  record Case(String name, Map<String, byte[]> files, int exit, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case one(String name, byte[] input, int exit, String... expected) {
    return new Case(name, Map.of("in.json", input), exit, List.of(expected));
  }

  static Case one(String name, String input, int exit, String... expected) {
    return one(name, utf8(input), exit, expected);
  }

  static final int OK = ExitCode.OK;
  static final int BAD = ExitCode.DATA_ERROR;

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    // ---- the faults of issue #10 ----
    cases.add(one("two arrays back to back", "[" + p("p1") + "][" + p("p2") + "]", BAD,
        "ok:p1", "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("garbage after the array", "[" + p("p1") + "]garbage{{", BAD,
        "ok:p1", "INVALID_JSON $ L1", "INVALID_JSON $ L1", "TRUNCATED_INPUT $ L1"));
    cases.add(one("an extra ] after the array", "[" + p("p1") + "]]", BAD, "ok:p1", "INVALID_JSON $ L1"));
    cases.add(one("two empty arrays", "[][]", BAD, "INVALID_JSON $ L1"));
    cases.add(one("NDJSON whose first line has a 70 KB string",
        "{\"id\":\"big\",\"highSchool\":\"GED\",\"state\":\"" + "x".repeat(70_000) + "\"}\n" + p("p2") + "\n", BAD,
        "TOO_LARGE $.state L1", "ok:p2"));
    cases.add(one("NDJSON whose first line has a duplicate key",
        "{\"id\":\"a\",\"id\":\"b\",\"highSchool\":\"GED\"}\n" + p("p2") + "\n", BAD, "DUPLICATE_KEY $.id L1", "ok:p2"));
    cases.add(one("a 20 MB string on line 2, then a valid line",
        p("p0") + "\n{\"id\":\"huge\",\"highSchool\":\"GED\",\"state\":\"" + "x".repeat(20_000_000) + "\"}\n" + p("p2") + "\n",
        BAD, "ok:p0", "TOO_LARGE $.state L2", "ok:p2"));
    cases.add(one("a 20 MB string on line 1, then a valid line",
        "{\"id\":\"huge\",\"highSchool\":\"GED\",\"state\":\"" + "x".repeat(20_000_000) + "\"}\n" + p("p2") + "\n",
        BAD, "TOO_LARGE $.state L1", "ok:p2"));
    cases.add(one("a 20 MB string in an array element",
        "[" + p("p0") + ",\n{\"id\":\"huge\",\"highSchool\":\"GED\",\"state\":\"" + "x".repeat(20_000_000) + "\"},\n" + p("p2") + "]",
        BAD, "ok:p0", "TOO_LARGE $.state L2", "ok:p2"));
    cases.add(one("a duplicate key on line 2, nested",
        p("p1") + "\n{\"id\":\"d\",\"highSchool\":\"GED\",\"experience\":[{\"months\":1,\"months\":2}]}\n" + p("p3"), BAD,
        "ok:p1", "DUPLICATE_KEY $.experience[0].months L2", "ok:p3"));
    // ---- framing at the edges ----
    cases.add(one("empty file", "", OK));
    cases.add(one("blank file", " \n\r\n\t\n", OK));
    cases.add(one("BOM before NDJSON", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, p("p1") + "\n" + p("p2") + "\n"),
        OK, "ok:p1", "ok:p2"));
    cases.add(one("BOM before an array", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "[" + p("p1") + "," + p("p2") + "]"),
        OK, "ok:p1", "ok:p2"));
    cases.add(one("CRLF line ends", p("p1") + "\r\n" + p("p2") + "\r\n{\"id\":\"x\",}\r\n" + p("p4") + "\r\n", BAD,
        "ok:p1", "ok:p2", "INVALID_JSON $.id L3", "ok:p4"));
    cases.add(one("CRLF in a pretty-printed array", "[\r\n  " + p("p1") + ",\r\n  " + p("p2") + "\r\n]\r\n", OK, "ok:p1", "ok:p2"));
    cases.add(one("blank and space-only lines", "\n" + p("p1") + "\n\n   \n" + p("p2") + "\n\n{\"id\":\"z\"}\n", BAD,
        "ok:p1", "ok:p2", "INVALID_FIELD $.highSchool L7"));
    cases.add(one("last line without newline", p("p1") + "\n" + p("p2"), OK, "ok:p1", "ok:p2"));
    cases.add(one("last line cut off", p("p1") + "\n{\"id\":\"p2\",\"highSch", BAD, "ok:p1", "TRUNCATED_INPUT $ L2"));
    cases.add(one("NUL bytes between lines", p("p1") + "\n\0\0\0\n" + p("p2") + "\n", BAD, "ok:p1", "INVALID_JSON $ L2", "ok:p2"));
    cases.add(one("NUL padding at the end (a crash artifact)", p("p1") + "\n" + "\0".repeat(4096), BAD,
        "ok:p1", "INVALID_JSON $ L2"));
    cases.add(one("a NUL inside a string", p("p1") + "\n{\"id\":\"a\0b\",\"highSchool\":\"GED\"}\n" + p("p3"), BAD,
        "ok:p1", "INVALID_JSON $.id L2", "ok:p3"));
    cases.add(one("concatenated objects without newlines", p("p1") + p("p2") + " " + p("p3"), OK, "ok:p1", "ok:p2", "ok:p3"));
    cases.add(one("pretty-printed objects one after another", pretty("p1") + pretty("p2"), OK, "ok:p1", "ok:p2"));
    cases.add(one("a single pretty-printed object", pretty("p1"), OK, "ok:p1"));
    cases.add(one("invalid UTF-8 in one line", bytes(p("p1") + "\n{\"id\":\"", new byte[] {(byte) 0xC3, (byte) 0x28},
        "\",\"highSchool\":\"GED\"}\n", p("p3")), BAD, "ok:p1", "INVALID_ENCODING $ L2", "ok:p3"));
    // ---- a bad first line cannot change how the rest is read ----
    cases.add(one("first line misses its }", "{\"id\":\"a\",\"highSchool\":\"GED\"\n" + p("p2") + "\n" + p("p3") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p2", "ok:p3"));
    cases.add(one("first line ends after a colon", "{\"id\":\"a\",\"state\":\n" + p("p2") + "\n" + p("p3") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p2", "ok:p3"));
    cases.add(one("first line has an unclosed string", "{\"id\":\"a,\"highSchool\":\"GED\"}\n" + p("p2") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("first line is garbage", "garbage\n" + p("p2") + "\n" + p("p3") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p2", "ok:p3"));
    cases.add(one("a line with two records and a broken one", p("p1") + " {\"id\":\"x\" " + p("p3") + "\n" + p("p4"), BAD,
        "ok:p1", "INVALID_JSON $ L1", "ok:p3", "ok:p4"));
    cases.add(one("stray closing brackets between lines", p("p1") + "\n}\n]\n" + p("p2"), BAD,
        "ok:p1", "INVALID_JSON $ L2", "INVALID_JSON $ L3", "ok:p2"));
    cases.add(one("a pretty-printed record inside an NDJSON file", p("p1") + "\n\n{\"id\":\"b\",\n  \"highSchool\":\"GED\"}\n"
        + p("p3"), OK, "ok:p1", "ok:b", "ok:p3"));
    cases.add(one("the rest of a broken record at the first column of the next line", p("p1") + "\n{\"id\":\"b\",\"x\":1\n"
        + "\"highSchool\":\"GED\"}\n" + p("p3"), BAD, "ok:p1", "INVALID_JSON $ L2", "INVALID_JSON $ L3", "ok:p3"));
    cases.add(one("junk with a brace inside a string", "\"a{b\" 7 ]\n" + p("p2"), BAD, "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("values that are not objects", "42\n\"text\"\nnull\n[1]\n" + p("p5"), BAD,
        "WRONG_TYPE $ L1", "WRONG_TYPE $ L2", "WRONG_TYPE $ L3", "WRONG_TYPE $ L4", "ok:p5"));
    // ---- arrays ----
    cases.add(one("a comma missing between elements", "[" + p("p1") + " " + p("p2") + "]", BAD,
        "ok:p1", "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("a comma before ]", "[" + p("p1") + ",]", BAD, "ok:p1", "INVALID_JSON $ L1"));
    cases.add(one("two commas", "[" + p("p1") + ",," + p("p2") + "]", BAD, "ok:p1", "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("a run of commas", "[" + p("p1") + ",,,, ,\n," + p("p2") + "]", BAD, "ok:p1", "INVALID_JSON $ L1", "ok:p2"));
    cases.add(one("a stray } before the closing ]", "[" + p("p1") + ",}]\n", BAD, "ok:p1", "INVALID_JSON $ L1", "INVALID_JSON $ L1"));
    cases.add(one("an element that is never closed", "[\n{\"id\":\"a\",\"highSchool\":\"GED\",\n" + p("p2") + "\n]", BAD,
        "INVALID_JSON $ L2", "ok:p2"));
    cases.add(one("a syntax error inside one element", "[\n" + p("p1") + ",\n{\"id\" \"x\"},\n" + p("p3") + "\n]", BAD,
        "ok:p1", "INVALID_JSON $.id L3", "ok:p3"));
    cases.add(one("an array cut off after an element", "[" + p("p1") + ",\n" + p("p2"), BAD,
        "ok:p1", "ok:p2", "TRUNCATED_INPUT $ L2"));
    cases.add(one("an array cut off inside an element", "[" + p("p1") + ",\n{\"id\":\"p2\"", BAD,
        "ok:p1", "TRUNCATED_INPUT $ L2"));
    cases.add(one("a profile after the array", "[" + p("p1") + "]\n" + p("p2"), BAD, "ok:p1", "INVALID_JSON $ L2"));
    cases.add(one("an unclosed string inside a pretty-printed array", "[\n  {\"id\": \"a,\n   \"highSchool\": \"GED\"},\n  "
        + p("p2") + "\n]", BAD, "INVALID_JSON $.id L2", "ok:p2"));
    // ---- the fresh-eyes review of #10: one record per value, whatever the encoding, line ends or shape ----
    String two = p("p1") + "\n" + p("p2") + "\n";
    for (String[] encoding : new String[][] {{"UTF-16", ""}, {"UTF-16LE", "\uFEFF"}, {"UTF-16BE", "\uFEFF"},
        {"UTF-16LE", ""}, {"UTF-16BE", ""}, {"UTF-32LE", "\uFEFF"}, {"UTF-32BE", "\uFEFF"}, {"UTF-32LE", ""}, {"UTF-32BE", ""}}) {
      cases.add(one("NDJSON in " + encoding[0] + (encoding[1].isEmpty() && !encoding[0].equals("UTF-16") ? " without" : " with")
          + " a byte-order mark", encoded(encoding[1] + two, encoding[0]), OK, "ok:p1", "ok:p2"));
    }
    cases.add(one("NUL bytes before the first record (not UTF-32)", "\0\0\0" + p("p1") + "\n" + p("p2") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p1", "ok:p2"));
    cases.add(one("a single NUL before the first record (not UTF-16)", "\0" + p("p1") + "\n" + p("p2") + "\n", BAD,
        "INVALID_JSON $ L1", "ok:p1", "ok:p2"));
    cases.add(one("an array in UTF-16LE with a BOM and CRLF (Notepad's Unicode)", encoded("\uFEFF[\r\n" + p("p1") + ",\r\n"
        + "{\"id\" \"x\"},\r\n" + p("p3") + "\r\n]\r\n", "UTF-16LE"), BAD, "ok:p1", "INVALID_JSON $.id L3", "ok:p3"));
    cases.add(one("bytes that are not UTF-16 on line 2 of a UTF-16LE file", bytes(encoded("\uFEFF" + p("p1") + "\n{\"id\":\"",
        "UTF-16LE"), new byte[] {0x00, (byte) 0xDC}, encoded("\",\"highSchool\":\"GED\"}\n" + p("p3"), "UTF-16LE")), BAD,
        "ok:p1", "INVALID_ENCODING $ L2", "ok:p3"));
    cases.add(one("an array line, then an object line (the review's case)", "[" + p("p1") + "]\n" + p("p2") + "\n", BAD,
        "ok:p1", "INVALID_JSON $ L2"));
    cases.add(one("two profiles and an array after the array", "[" + p("p1") + "]\n" + p("p2") + "\n" + p("p3")
        + "\n[" + p("p4") + "]", BAD, "ok:p1", "INVALID_JSON $ L2", "INVALID_JSON $ L3", "INVALID_JSON $ L4", "ok:p4"));
    cases.add(one("three arrays back to back", "[" + p("p1") + "][" + p("p2") + "]\n[" + p("p3") + "]", BAD,
        "ok:p1", "INVALID_JSON $ L1", "ok:p2", "INVALID_JSON $ L2", "ok:p3"));
    cases.add(one("an unclosed profile after the array", "[" + p("p1") + "]\n{\"id\":\"p2\"", BAD,
        "ok:p1", "TRUNCATED_INPUT $ L2"));
    cases.add(one("CR line ends (the review's case)", p("p1") + "\r" + p("p2") + "\r{\"id\":\"x\",}\r" + p("p4") + "\r", BAD,
        "ok:p1", "ok:p2", "INVALID_JSON $.id L3", "ok:p4"));
    cases.add(one("a line cut off in a CR file", p("p1") + "\r{\"id\":\"x\",\"highSchool\":\"GED\"\r" + p("p3") + "\r", BAD,
        "ok:p1", "INVALID_JSON $ L2", "ok:p3"));
    cases.add(one("an unclosed string in a CR file", p("p1") + "\r{\"id\":\"x,\"highSchool\":\"GED\"}\r" + p("p3"), BAD,
        "ok:p1", "INVALID_JSON $ L2", "ok:p3"));
    cases.add(one("mixed line ends: CRLF, CR, LF", p("p1") + "\r\n" + p("p2") + "\r{\"id\":\"x\",}\n" + p("p4") + "\r\n"
        + "{\"id\":\"y\",}\r\r\n\n" + p("p8"), BAD, "ok:p1", "ok:p2", "INVALID_JSON $.id L3", "ok:p4", "INVALID_JSON $.id L5", "ok:p8"));
    cases.add(one("BOM and CR line ends", "\uFEFF" + p("p1") + "\r{\"id\":\"x\",}\r", BAD, "ok:p1", "INVALID_JSON $.id L2"));
    cases.add(one("a pretty-printed array with CR line ends", "[\r" + p("p1") + ",\r{\"id\" \"x\"},\r" + p("p3") + "\r]", BAD,
        "ok:p1", "INVALID_JSON $.id L3", "ok:p3"));
    cases.add(one("pretty-printed records with CR line ends", pretty("p1").replace("\n", "\r") + pretty("p2").replace("\n", "\r")
        + "{\r  \"id\": \"x\",\r  \"months\" 1\r}\r", BAD, "ok:p1", "ok:p2", "INVALID_JSON $.months L21"));
    // ---- attacks on the framer after the review ----
    cases.add(one("a UTF-8 BOM in the middle (files concatenated)", p("p1") + "\n\uFEFF" + p("p2") + "\n[\uFEFF]\n", BAD,
        "ok:p1", "ok:p2", "INVALID_JSON $[0] L3"));
    cases.add(one("a UTF-8 BOM between array elements", "[" + p("p1") + ",\uFEFF" + p("p2") + "]", OK, "ok:p1", "ok:p2"));
    cases.add(one("a lone surrogate escape in the id", p("p1") + "\n{\"id\":\"\\ud800\",\"highSchool\":\"GED\"}\n" + p("p3"),
        BAD, "ok:p1", "INVALID_ENCODING $.id L2", "ok:p3"));
    cases.add(one("a lone surrogate escape in a field name, and an escaped pair (valid)", p("p1") + "\n{\"id\":\"b\","
        + "\"highSchool\":\"GED\",\"x\\uDC00\":1}\n{\"id\":\"\\ud83d\\ude00\",\"highSchool\":\"GED\"}", BAD,
        "ok:p1", "INVALID_ENCODING $.? L2", "ok:\ud83d\ude00"));
    cases.add(one("a valid U+FFFD character (review atk-10 F3: was refused as invalid UTF-8)", bytes(p("p1") + "\n{\"id\":\"r",
        new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, "al\",\"highSchool\":\"GED\"}\n", p("p3")), OK,
        "ok:p1", "ok:r\ufffdal", "ok:p3"));
    cases.add(one("overlong UTF-8 (C0 AF for /)", bytes(p("p1") + "\n{\"id\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF},
        "\",\"highSchool\":\"GED\"}\n", p("p3")), BAD, "ok:p1", "INVALID_ENCODING $ L2", "ok:p3"));
    cases.add(one("invalid bytes between records", bytes(p("p1"), new byte[] {(byte) 0xFF}, "\n", new byte[] {(byte) 0xFE},
        "\n" + p("p3")), BAD, "ok:p1", "INVALID_ENCODING $ L1", "INVALID_ENCODING $ L2", "ok:p3"));
    cases.add(one("a file that is only ]", "]", BAD, "INVALID_JSON $ L1"));
    cases.add(one("a file that is only }{", "}{", BAD, "INVALID_JSON $ L1", "TRUNCATED_INPUT $ L1"));
    cases.add(one("nested arrays at the top level", "[[" + p("p1") + "," + p("p2") + "],\n" + p("p3") + "]", BAD,
        "WRONG_TYPE $ L1", "ok:p3"));
    cases.add(one("garbage after an element, mid-array", "[" + p("p1") + " garbage,\n" + p("p2") + " 42 ,\n" + p("p3") + "]", BAD,
        "ok:p1", "INVALID_JSON $ L1", "ok:p2", "INVALID_JSON $ L2", "ok:p3"));
    cases.add(one("words and comments between array elements (review atk-10 F6: one record per word)", "[\n" + p("p1")
        + " a b c d e f g h i j ,\n// c SECRET\n" + p("p2") + " /* x */ " + p("p3") + "]", BAD,
        "ok:p1", "INVALID_JSON $ L2", "INVALID_JSON $ L3", "ok:p2", "INVALID_JSON $ L4", "ok:p3"));
    // ---- limits ----
    cases.add(one("a record over 1 MiB of small fields", p("p1") + "\n{\"id\":\"l\",\"highSchool\":\"GED\",\"goals\":["
        + "\"RHIT\",".repeat(200_000) + "\"RHIT\"]}\n" + p("p3"), BAD, "ok:p1", "TOO_LARGE $.goals[149791] L2", "ok:p3"));
    cases.add(one("100,000 levels of nesting", p("p1") + "\n{\"id\":\"n\",\"highSchool\":\"GED\",\"goals\":" + "[".repeat(100_000)
        + "]".repeat(100_000) + "}\n" + p("p3"), BAD, "ok:p1", "TOO_LARGE " + "$.goals" + "[0]".repeat(63) + " L2", "ok:p3"));
    cases.add(one("a 2,000-character field name after other fields (review atk-10 F4: was the path of the field before)",
        p("p1") + "\n{\"id\":\"nm\",\"state\":\"TX\",\"" + "k".repeat(2000) + "\":1}\n{\"id\":\"o\",\"highSchool\":\"GED\","
        + "\"education\":[{\"level\":\"BACHELOR\",\"" + "k".repeat(2000) + "\":1}]}\n" + p("p4"), BAD,
        "ok:p1", "TOO_LARGE $ L2", "TOO_LARGE $.education[0] L3", "ok:p4"));
    cases.add(one("a 200-digit number", p("p1") + "\n{\"id\":\"n\",\"highSchool\":\"GED\",\"experience\":[{\"months\":"
        + "9".repeat(200) + "}]}\n" + p("p3"), BAD, "ok:p1", "TOO_LARGE $.experience[0].months L2", "ok:p3"));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyValueGivesExactlyOneRecord(Case c) throws IOException {
    List<String> args = new ArrayList<>(List.of("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "1"));
    for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
      Path path = tmp.resolve(file.getKey());
      Files.write(path, file.getValue());
      args.add(path.toString());
    }
    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    List<JsonNode> records = records(run.out());
    assertThat(records).extracting(InputAccountingTest::describe).containsExactlyElementsOf(c.expected());
    assertThat(run.exitCode()).isEqualTo(c.exit());
    assertIndexesCountRecords(records, c.files().keySet().stream().map(n -> tmp.resolve(n).toString()).toList());
  }

  @Test
  void mixedArrayAndNdjsonAcrossFiles_eachFileReadInItsOwnShape() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.json", utf8("[\n  " + p("a1") + ",\n  " + p("a2") + "\n]\n"));
    files.put("b.ndjson", utf8(p("b1") + "\n{\"id\":\"b2\",}\n" + p("b3") + "\n"));
    files.put("c.json", utf8(pretty("c1")));
    files.put("d.json", utf8("[" + p("d1") + "]]"));
    Case c = new Case("mixed", files, BAD, List.of("ok:a1", "ok:a2", "ok:b1", "INVALID_JSON $.id L2", "ok:b3", "ok:c1", "ok:d1",
        "INVALID_JSON $ L1"));
    everyValueGivesExactlyOneRecord(c);
  }

  /**
   * Records of about 2 KB whose text is mostly escapes ({@code \"}) and whose line ends are CRLF
   * or CR, shifted by one character between runs, so that the 64 KiB boundaries of the readers
   * fall inside records, inside escapes and between CR and LF; a broken record at the end must
   * still be given its line. ({@link InputAccountingPropertyTest} also reads generated inputs in
   * chunks of 1 to 9 characters.)
   */
  @Test
  void recordsAcrossThe64KiBBufferBoundary_areReadWhole() throws IOException {
    for (String nl : List.of("\r\n", "\r")) {
      for (int shift = 0; shift < 2; shift++) {
        for (String shape : List.of("ndjson", "array")) {
          StringBuilder text = new StringBuilder(shape.equals("array") ? "[" : "").append(" ".repeat(shift));
          List<String> expected = new ArrayList<>();
          int i = 0;
          for (; text.length() < (1 << 16) + 4096; i++) {
            String id = "r" + i + "-\\\"-é";
            text.append(shape.equals("array") && i > 0 ? "," + nl : "").append("{\"id\":\"").append(id)
                .append("\",\"highSchool\":\"GED\",\"experience\":[{\"role\":\"").append("\\\"".repeat(1000 + i % 7))
                .append("\",\"months\":1}]}").append(shape.equals("ndjson") ? nl : "");
            expected.add("ok:r" + i + "-\"-é");
          }
          text.append(shape.equals("array") ? "," + nl + "{\"id\" \"x\"}]" : "{\"id\" \"x\"}" + nl);
          expected.add("INVALID_JSON $.id L" + (i + 1));
          everyValueGivesExactlyOneRecord(one("boundary " + shape, text.toString(), BAD, expected.toArray(String[]::new)));
        }
      }
    }
  }

  @Test
  void standardInput_withJsonOutput_accountsTheSameWay() throws IOException {
    CliRun run = CliRun.runWithStdin("[" + p("p1") + "][" + p("p2") + "]garbage", "evaluate", "--as-of", "2026-11-22", "-");

    JsonNode out = Json.readTree(run.out());
    List<String> described = new ArrayList<>();
    out.forEach(record -> described.add(describe(record)));
    assertThat(described).containsExactly("ok:p1", "INVALID_JSON $ L1", "ok:p2", "INVALID_JSON $ L1");
    assertThat(out.get(3).at("/error/source").asText()).isEqualTo("-");
    assertThat(out.get(3).at("/error/index").asInt()).isEqualTo(3);
    assertThat(run.err()).contains("4 record(s), 2 error(s)");
    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
  }

  /**
   * A read failure on a later input (an I/O error mid-batch) keeps the results of what was read
   * before, at any --threads (review atk-10 F2: with worker threads they were dropped, "stopped
   * after 0 record(s)"); standard input named twice is refused up front, since it was the usual way in.
   */
  @Test
  void aReadFailureLater_keepsTheRecordsReadBefore_andStdinTwiceIsAUsageError() throws IOException {
    Path good = tmp.resolve("good.ndjson");
    Files.writeString(good, p("g1") + "\n" + p("g2") + "\n" + p("g3") + "\n");
    Path failing = Path.of("/proc/self/mem"); // exists and is readable, but reading offset 0 is an I/O error
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(failing), "Linux /proc");
    for (String threads : List.of("1", "4")) {
      CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", threads,
          good.toString(), failing.toString());
      assertThat(records(run.out())).extracting(InputAccountingTest::describe).containsExactly("ok:g1", "ok:g2", "ok:g3");
      assertThat(run.err()).contains("stopped after 3 record(s)");
      assertThat(run.exitCode()).isEqualTo(ExitCode.NO_INPUT);
    }
    CliRun twice = CliRun.runWithStdin(p("s1") + "\n", "evaluate", "--as-of", "2026-11-22", "-", good.toString(), "-");
    assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(twice.err()).contains("more than once");
  }

  @Test
  void recordsThatCannotBeRead_stillNameTheirCandidate_whenTheIdComesFirst() throws IOException {
    Path input = tmp.resolve("ids.ndjson");
    Files.writeString(input, "{\"id\":\"big\",\"state\":\"" + "x".repeat(2_000_000) + "\"}\n"
        + "{\"id\":\"dup\",\"highSchool\":\"GED\",\"highSchool\":\"GED\"}\n"
        + "{\"id\":\"syntax\",\"highSchool\" \"GED\"}\n"
        + "{\"highSchool\" \"GED\",\"id\":\"late\"}\n"
        + "{\"education\":[{\"id\":\"nested\"}],\"id\":\"outer\",\"x\"}\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    assertThat(records(run.out())).extracting(r -> r.get("candidateId").asText(null) + " " + r.at("/error/code").asText())
        .containsExactly("big TOO_LARGE", "dup DUPLICATE_KEY", "syntax INVALID_JSON", "null INVALID_JSON", "outer INVALID_JSON");
  }

  @Test
  void faultsAmongManyRecords_sameRecordsInTheSameOrder_onOneThreadOrFour() throws IOException {
    List<String> faults = List.of("{\"id\":\"x\" \"a\":1}", "garbage", "}", "{\"id\":\"d\",\"id\":\"e\"}", "[1,2]",
        "{\"id\":\"u\",\"state\":\"" + "x".repeat(20_000) + "\"}", "{\"id\":\"open\",", "\0\0", "{\"highschool\":1}");
    StringBuilder text = new StringBuilder();
    int values = 0;
    for (int i = 0; i < 300; i++) {
      text.append(p("v" + i)).append('\n');
      values++;
      if (i % 7 == 3) {
        text.append(faults.get(i % faults.size())).append('\n');
        values++;
      }
    }
    Path input = tmp.resolve("messy.ndjson");
    Files.writeString(input, text);

    CliRun one = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "1", input.toString());
    CliRun four = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", "--threads", "4", input.toString());

    assertThat(four.out()).isEqualTo(one.out());
    assertThat(records(one.out())).hasSize(values).filteredOn(r -> r.has("credentials")).hasSize(300);
    assertThat(one.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
  }

  @Test
  void misspeltRequiredField_namedWithItsSuggestion_nextToTheRequiredProblem_andEveryOtherUnknownField() throws IOException {
    Path input = tmp.resolve("typos.ndjson");
    Files.writeString(input, "{\"id\":\"m\",\"highschool\":\"GED\",\"foo\":1}\n"
        + "{\"id\":\"n\",\"highSchool\":\"GED\",\"credentials\":[{\"code\":\"RHIT\",\"earndOn\":\"2020-01-01\"}]}\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    List<JsonNode> records = records(run.out());
    JsonNode first = records.get(0).get("error");
    assertThat(first.get("code").asText()).isEqualTo("UNKNOWN_FIELD");
    assertThat(first.get("path").asText()).isEqualTo("$.highschool");
    assertThat(first.get("message").asText()).startsWith("unknown field `highschool` — did you mean `highSchool`?");
    assertThat(first.get("more")).extracting(m -> m.get("code").asText() + " " + m.get("path").asText())
        .containsExactly("UNKNOWN_FIELD $.foo", "INVALID_FIELD $.highSchool");
    CliRun text = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "text", "-q", input.toString());
    assertThat(text.out()).contains("UNKNOWN_FIELD at $.highschool: unknown field `highschool` — did you mean `highSchool`?")
        .contains("UNKNOWN_FIELD at $.foo:").contains("INVALID_FIELD at $.highSchool: is required");
    JsonNode second = records.get(1).get("error");
    assertThat(second.get("message").asText()).startsWith("unknown field `earndOn` — did you mean `earnedOn`?");
    assertThat(second.get("more")).extracting(m -> m.get("path").asText() + " " + m.get("message").asText())
        .containsExactly("$.credentials[0].earnedOn is required");
    assertThat(run.exitCode()).isEqualTo(ExitCode.DATA_ERROR);
  }

  @Test
  void manyProblemsInOneRecord_listedUpToTwenty_soOutputCannotBeMultiplied() throws IOException {
    StringBuilder record = new StringBuilder("{\"id\":\"many\",\"highSchool\":\"GED\"");
    for (int i = 0; i < 20_000; i++) {
      record.append(",\"f").append(i).append("\":1");
    }
    Path input = tmp.resolve("many.ndjson");
    Files.writeString(input, record + "}\n" + p("p2") + "\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    JsonNode error = records(run.out()).get(0).get("error");
    assertThat(error.get("more")).hasSize(20);
    assertThat(error.at("/more/19/message").asText()).startsWith("and 19980 more problem(s)");
    assertThat(run.out().length()).isLessThan(20_000);
    assertThat(describe(records(run.out()).get(1))).isEqualTo("ok:p2");
  }

  @Test
  void limitsAreNamedInTheMessage() throws IOException {
    Path input = tmp.resolve("limits.ndjson");
    Files.writeString(input, "{\"id\":\"s\",\"state\":\"" + "x".repeat(10_001) + "\"}\n"
        + "{\"id\":\"l\",\"goals\":[" + "\"RHIT\",".repeat(200_000) + "\"RHIT\"]}\n"
        + "{\"id\":\"d\",\"goals\":" + "[".repeat(65) + "]".repeat(65) + "}\n"
        + "{\"id\":\"k\",\"highSchool\":\"GED\",\"id\":\"k\"}\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", input.toString());

    assertThat(records(run.out())).extracting(r -> r.at("/error/message").asText()).satisfiesExactly(
        m -> assertThat(m).contains("line 1").contains("string longer than 10000 characters"),
        m -> assertThat(m).contains("line 2").contains("longer than 1048576 characters"),
        m -> assertThat(m).contains("line 3").contains("nested more than 64 levels"),
        m -> assertThat(m).contains("the key `id` appears twice"));
  }

  /** Every error code the rows above produced; the README's table must explain each. */
  static final java.util.Set<String> CODES_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.junit.jupiter.api.AfterAll
  static void readmeTableExplainsEveryCodeSeen() throws IOException {
    String readme = Files.readString(CliRun.REPO.resolve("README.md"));
    assertThat(CODES_SEEN).isNotEmpty().allSatisfy(code -> assertThat(readme).contains("| `" + code + "` |"));
  }

  @Test
  void readmeErrorExample_isWhatTheCliWrites() throws IOException {
    Path batch = tmp.resolve("batch.ndjson");
    Files.writeString(batch, p("ok-1") + "\n{\"id\":\"typo\",\"highSchool\":\"DIPLOMA\",\"educaton\":[]}\n");

    CliRun run = CliRun.run("evaluate", "--as-of", "2026-11-22", "--format", "ndjson", "-q", batch.toString());

    String written = run.out().strip().lines().reduce((a, b) -> b).orElseThrow().replace(batch.toString(), "batch.ndjson");
    assertThat(Files.readString(CliRun.REPO.resolve("README.md"))).contains(written);
  }

  static List<JsonNode> records(String out) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        records.add(Json.readTree(line));
      }
    }
    return records;
  }

  static String describe(JsonNode record) {
    if (record.has("error")) {
      JsonNode error = record.get("error");
      CODES_SEEN.add(error.get("code").asText());
      return error.get("code").asText() + " " + error.get("path").asText() + " L" + error.get("line").asLong();
    }
    return "ok:" + record.get("candidateId").asText();
  }

  /** Error records carry their source and their place among that source's records, counted from 0. */
  static void assertIndexesCountRecords(List<JsonNode> records, List<String> sources) {
    // Records come in input order, file by file; a result carries no index, so count through it.
    // The file a result belongs to is known from the error records around it; with one file it is that file.
    int position = 0;
    String source = sources.get(0);
    for (JsonNode record : records) {
      if (record.has("error")) {
        String at = record.at("/error/source").asText();
        if (!at.equals(source)) {
          assertThat(sources.indexOf(at)).as("sources in order").isGreaterThan(sources.indexOf(source));
          source = at;
          position = record.at("/error/index").asInt();
        }
        assertThat(record.at("/error/index").asInt()).as("index of an error record in " + at).isEqualTo(position);
      }
      position++;
    }
  }
}
