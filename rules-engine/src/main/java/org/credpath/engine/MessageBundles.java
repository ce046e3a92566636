package org.credpath.engine;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.fact.Message;
import org.credpath.model.profile.CredentialCode;

/**
 * The words of a knowledge base: {@value #BASE}.properties (English, the default) and one
 * {@code messages_<language>.properties} per further language, each mapping a key to a
 * {@link MessageFormat} pattern with <em>named</em> arguments ({@code {months}},
 * {@code {months,choice,1#month|1<months}}). This is the one place where findings become
 * sentences, for JSON, text and CSV alike.
 *
 * <p>An apostrophe in a pattern is always a literal apostrophe (the bundles never quote), so
 * writers can type "AHIMA's" as they read it. Immutable and thread-safe.
 */
final class MessageBundles {
  static final String BASE = "messages";
  private static final Pattern FILE = Pattern.compile(BASE + "(?:_([a-z]{2,3}))?\\.properties");
  private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_-]*)");

  /** A pattern with its argument names in index order. */
  private record Compiled(MessagePattern pattern, String[] names) {}

  /** Per thread, the copies of the formats in use (a MessageFormat is not thread-safe) and the locales' signs. */
  private final ThreadLocal<MessagePattern.ThreadCopies> copies = ThreadLocal.withInitial(MessagePattern.ThreadCopies::new);

  /** Language ("" for the base bundle) to key to compiled pattern. */
  private final SortedMap<String, Map<String, Compiled>> bundles;
  private final KnownCredentials credentials;

  private MessageBundles(SortedMap<String, Map<String, Compiled>> bundles, KnownCredentials credentials) {
    this.bundles = bundles;
    this.credentials = credentials;
  }

  /** True for {@code messages.properties} and {@code messages_es.properties}-style paths. */
  static boolean isBundle(String relative) {
    return FILE.matcher(relative).matches();
  }

  /**
   * Reads and compiles every bundle of {@code source}; a pattern that does not compile is a
   * located problem. Credentials are written by their labels in {@code credentials}.
   */
  static MessageBundles read(RuleSource source, List<RuleProblem> problems, KnownCredentials credentials) {
    SortedMap<String, Map<String, Compiled>> bundles = new TreeMap<>();
    source.files().forEach((path, text) -> {
      Matcher file = FILE.matcher(path);
      if (!file.matches()) {
        return;
      }
      Properties properties = new Properties();
      try {
        properties.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(RuleProblem.error(path, 0, 0, "is not a valid properties file: " + e.getMessage()));
        return;
      }
      Map<String, Compiled> compiled = new HashMap<>(); // looked up per sentence; keys() sorts
      for (String key : properties.stringPropertyNames()) {
        try {
          compiled.put(key, compile(properties.getProperty(key)));
        } catch (IllegalArgumentException e) {
          problems.add(RuleProblem.error(path, lineOf(source.index(path), key), 1,
              "message " + key + " is not a valid pattern: " + e.getMessage()));
        }
      }
      bundles.put(file.group(1) == null ? "" : file.group(1), Collections.unmodifiableMap(compiled));
    });
    return new MessageBundles(Collections.unmodifiableSortedMap(bundles), credentials);
  }

  private static Compiled compile(String pattern) {
    List<String> names = new ArrayList<>();
    return new Compiled(MessagePattern.compile(indexed(pattern, names)), names.toArray(new String[0]));
  }

  /**
   * {@code pattern} in MessageFormat's syntax: each named argument replaced by its index (in the
   * order names first appear, added to {@code names}), and every apostrophe doubled so that it is
   * written as typed.
   */
  static String indexed(String pattern, List<String> names) {
    Matcher m = ARGUMENT.matcher(pattern);
    StringBuilder indexed = new StringBuilder();
    while (m.find()) {
      int index = names.indexOf(m.group(1));
      if (index < 0) {
        index = names.size();
        names.add(m.group(1));
      }
      m.appendReplacement(indexed, "{" + index);
    }
    m.appendTail(indexed);
    return indexed.toString().replace("'", "''");
  }

  private static int lineOf(LineIndex text, String key) {
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n).stripLeading();
      if (line.startsWith(key + "=") || line.startsWith(key + " ")) {
        return n;
      }
    }
    return 0;
  }

  /** The languages with a bundle of their own, "" standing for the base (English) bundle. */
  List<String> languages() {
    return List.copyOf(bundles.keySet());
  }

  /** The keys of one language's bundle, sorted; empty when there is none. */
  List<String> keys(String language) {
    return bundles.getOrDefault(language, Map.of()).keySet().stream().sorted().toList();
  }

  /** True when {@code locale}'s language has a bundle of its own, or is English (the base). */
  boolean speaks(Locale locale) {
    return locale.getLanguage().equals("en") || bundles.containsKey(locale.getLanguage());
  }

  /**
   * The sentence for {@code message} in {@code locale}'s language, falling back to the base bundle.
   *
   * @throws IllegalArgumentException when no bundle has the key or an argument is missing
   */
  String render(Message message, Locale locale) {
    if (message.key().equals(Message.LITERAL)) {
      return String.valueOf(message.args().get("text"));
    }
    Compiled compiled = bundles.getOrDefault(locale.getLanguage(), Map.of()).get(message.key());
    if (compiled == null) {
      compiled = bundles.getOrDefault("", Map.of()).get(message.key());
    }
    if (compiled == null) {
      throw new IllegalArgumentException(
          "message " + message.key() + " is in no " + BASE + ".properties of the knowledge base");
    }
    Object[] values = new Object[compiled.names().length];
    for (int i = 0; i < values.length; i++) {
      String name = compiled.names()[i];
      Object value = message.args().get(name);
      if (value == null && !message.args().containsKey(name)) {
        throw new IllegalArgumentException("message " + message.key() + " needs the argument " + name
            + ", which the rule did not give");
      }
      values[i] = value(value, locale);
    }
    return compiled.pattern().format(values, locale, copies.get());
  }

  private Object value(Object value, Locale locale) {
    if (value == null) {
      return "";
    } else if (value instanceof Message nested) {
      return render(nested, locale);
    } else if (value instanceof CredentialCode code) {
      return credentials.label(code);
    } else if (value instanceof List<?> list) {
      return list(list, locale);
    } else if (value instanceof Boolean flag) {
      return flag ? 1 : 0;
    } else if (value instanceof Double || value instanceof Float) {
      return hours(((Number) value).doubleValue(), locale);
    } else if (value instanceof LocalDate || value instanceof Enum<?>) {
      return value.toString();
    }
    return value;
  }

  /** "RHIT", "RHIT and CCS", "CCS, CCS-P and RHIA" through {@code list.pair} and {@code list.more}. */
  private String list(List<?> items, Locale locale) {
    if (items.isEmpty()) {
      return "";
    }
    String text = String.valueOf(value(items.get(items.size() - 1), locale));
    for (int i = items.size() - 2; i >= 0; i--) {
      String key = i == items.size() - 2 ? "list.pair" : "list.more";
      text = render(Message.of(key).with("first", items.get(i)).with("rest", text), locale);
    }
    return text;
  }

  /** "20", "5.5", "0.25" (with the language's decimal sign): hours to the hundredth, never grouped. */
  private String hours(double hours, Locale locale) {
    String plain = BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    char decimal = copies.get().decimalSign(locale);
    return decimal == '.' ? plain : plain.replace('.', decimal);
  }
}
