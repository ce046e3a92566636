package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link MessagePattern} writes what {@link MessageFormat} writes, character for character (or
 * fails the same way): over every pattern of the built-in bundles and over generated patterns
 * (literal text with apostrophes and stray braces, plain, choice and number elements, choices
 * naming other arguments), with values of every kind and in locales with other digits and signs.
 */
class MessagePatternTest {
  private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.GERMAN,
      Locale.FRENCH, Locale.ROOT, Locale.forLanguageTag("ar"), Locale.forLanguageTag("hi-IN"),
      Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("fa"));

  private static final List<Object> VALUES = List.of(0, 1, 2, 7, 10, 12, 999, 1000, 1234, 123456789, -1, -1000,
      0L, 5L, 999L, 1000L, 9_999_999_999L, (short) 3, (byte) 9, 0.5, 20.0, 1234.5678, -0.25, Double.NaN,
      new BigDecimal("1000.50"), "RHIT", "", "a {0} b", "'", new java.util.Date(0));

  @Test
  void everyBuiltInPattern_isWrittenAsMessageFormatWritesIt() throws IOException {
    Path kb = Path.of("../rules-kb/src/main/resources/credpath-kb");
    int compared = 0;
    try (Stream<Path> files = Files.list(kb)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
        Properties bundle = new Properties();
        bundle.load(new StringReader(Files.readString(file)));
        for (String key : bundle.stringPropertyNames()) {
          List<String> names = new ArrayList<>();
          String indexed = MessageBundles.indexed(bundle.getProperty(key), names);
          for (Locale locale : LOCALES) {
            for (int v = 0; v < VALUES.size(); v++) {
              Object[] values = new Object[names.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = VALUES.get((v + 7 * i) % VALUES.size());
              }
              assertSame(indexed, values, locale);
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).as("patterns x locales x values compared").isGreaterThan(10_000);
  }

  @Property(tries = 3000)
  void generatedPatterns_areWrittenAsMessageFormatWritesThem(
      @ForAll("patterns") String pattern, @ForAll("values") List<Object> values, @ForAll("locales") Locale locale) {
    assertSame(pattern, values.toArray(), locale);
  }

  @Test
  void choicesNamingOtherArguments_andQuotes_areWrittenTheSame() {
    assertSame("Su {0,choice,1#mes|1<{0} meses} de {1}, d''Arc '{'x'}' {1}", new Object[] {3, "RHIT"}, Locale.ENGLISH);
    assertSame("{0,number,integer} y {0} } {", new Object[] {12345}, Locale.forLanguageTag("es"));
    assertSame("{0} {5} {1,choice,0#none|1#{2}}", new Object[] {1, 1, "x"}, Locale.ENGLISH);
  }

  /** Both write the same text, or both fail with the same message. */
  private static void assertSame(String indexed, Object[] values, Locale locale) {
    MessageFormat reference;
    try {
      reference = new MessageFormat(indexed, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return; // not a pattern: MessageBundles reports it at load, nothing is formatted
    }
    reference.setLocale(locale);
    String expected;
    try {
      expected = reference.format(values);
    } catch (IllegalArgumentException e) {
      expected = "failed: " + e.getMessage();
    }
    String actual;
    try {
      actual = MessagePattern.compile(indexed).format(values, locale, new MessagePattern.ThreadCopies());
    } catch (IllegalArgumentException e) {
      actual = "failed: " + e.getMessage();
    }
    assertThat(actual).as("%s with %s in %s", indexed, java.util.Arrays.toString(values), locale).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> literal = Arbitraries.of("", "a", "Su ", " meses", "''", "d''Arc", "}", " } ", "#", "|", "1<", ",",
        "'{'", "'}'", "' '", "x'y", "é", "—");
    Arbitrary<Integer> index = Arbitraries.integers().between(0, 3);
    Arbitrary<String> plain = index.map(i -> "{" + i + "}");
    Arbitrary<String> choice = Combinators.combine(index, index, literal).as(
        (i, j, text) -> "{" + i + ",choice,0#no" + text + "|1#one {" + j + "}|1<many " + text + "{" + i + "}}");
    Arbitrary<String> number = Combinators.combine(index, Arbitraries.of("number", "number,integer", "number,#.##"))
        .as((i, style) -> "{" + i + "," + style + "}");
    Arbitrary<String> part = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, literal), net.jqwik.api.Tuple.of(5, plain), net.jqwik.api.Tuple.of(3, choice),
        net.jqwik.api.Tuple.of(1, number), net.jqwik.api.Tuple.of(1, Arbitraries.of("{", "{0", "{x}", "{0,", "{ 0}")));
    return part.list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Object>> values() {
    return Arbitraries.of(VALUES).list().ofMinSize(0).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(LOCALES);
  }
}
