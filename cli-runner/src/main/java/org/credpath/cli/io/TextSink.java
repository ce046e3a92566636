package org.credpath.cli.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.credpath.json.ErrorRecord;
import org.credpath.model.fact.Hours;
import org.credpath.model.result.Confidence;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.CycleComponent;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;
import org.credpath.model.result.Note;
import org.credpath.model.result.SalaryFigures;

/** A plain-language plan per candidate that a counselor could print. Deterministic, no colour. */
public final class TextSink implements ResultSink {
  private static final String RULE = "=".repeat(78);
  private final RecordOutput output;
  private final java.io.StringWriter buffer = new java.io.StringWriter();
  private final PrintWriter out = new PrintWriter(buffer);
  private final ResourceBundle words;
  private final Locale locale;

  public TextSink(RecordOutput output) {
    this(output, Locale.ENGLISH);
  }

  /** A plan with its headings in {@code locale}'s language (English when there are none in it). */
  public TextSink(RecordOutput output, Locale locale) {
    this.output = output;
    this.locale = locale;
    this.words = ResourceBundle.getBundle("org.credpath.cli.io.text", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Languages the headings are written in. */
  public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "es");

  private String say(String key, Object... args) {
    return new MessageFormat(words.getString(key).replace("'", "''"), locale).format(args);
  }

  @Override
  public void write(Object record) throws IOException {
    writeRecord(record);
    out.flush();
    output.record(buffer.toString());
    buffer.getBuffer().setLength(0);
  }

  private void writeRecord(Object record) {
    if (record instanceof ErrorRecord e) {
      out.println(RULE);
      out.printf("%s%n", say("error.title", e.candidateId() == null
          ? say("error.record", String.valueOf(e.error().index()), String.valueOf(e.error().line()), e.error().source())
          : e.candidateId()));
      out.printf("  %s at %s: %s%n", e.error().code(), e.error().path(), e.error().message());
      for (org.credpath.json.RecordError more : e.error().more()) {
        out.printf("  %s at %s: %s%n", more.code(), more.path(), more.message());
      }
      out.println();
      return;
    }
    EvaluationResult r = (EvaluationResult) record;
    out.println(RULE);
    out.printf("%s%n", say("title", r.candidateId(), r.asOf().toString()));
    out.printf("%s%n%n", say("rules", r.knowledgeBase().name(), r.knowledgeBase().version()));
    credentials(r.credentials());
    plan(r.nextSteps());
    notes(r.notes());
    salary(r.salary());
    out.println();
  }

  private void credentials(List<CredentialResult> credentials) {
    out.println(say("credentials"));
    for (CredentialResult c : credentials) {
      out.printf("  %-7s %s%s%n", c.code(), say("status." + c.status().name()), dates(c));
      if (c.cycle() != null) {
        StringBuilder parts = new StringBuilder();
        for (CycleComponent part : c.cycle().components()) {
          if (part.required() > 0) {
            parts.append(parts.length() == 0 ? " (" : ", ").append(say("cycle.part", Hours.format(part.earned()),
                Hours.format(part.required()), component(part.name())));
          }
        }
        out.printf("          %s%n", say("cycle", c.cycle().start().toString(), c.cycle().end().toString(),
            Hours.format(c.cycle().earned()), Hours.format(c.cycle().required()), parts.length() == 0 ? "" : parts + ")"));
      }
      for (String missing : c.missing()) {
        out.printf("          %s%n", say("missing", missing));
      }
      if (c.confidence() != Confidence.H) {
        out.printf("          %s%n", say("confidence", c.confidence().name(), caution(c.confidence())));
      }
    }
    out.println();
  }

  private String dates(CredentialResult c) {
    if (c.statusSince() != null && c.statusUntil() != null && c.status().held()) {
      return say("dates.between", c.statusSince().toString(), c.statusUntil().toString());
    }
    return c.statusSince() != null ? say("dates.since", c.statusSince().toString()) : "";
  }

  private void plan(List<NextStep> steps) {
    out.println(say("plan"));
    if (steps.isEmpty()) {
      out.println("  " + say("plan.nothing"));
    }
    int n = 1;
    for (NextStep s : steps) {
      out.printf("  %d. %s%n", n++, s.message());
      out.printf("     %s%n", say("plan.tag", s.dueBy() == null ? "" : say("plan.due", s.dueBy().toString()), s.ruleId(),
          s.confidence().name(), s.confidence() == Confidence.H ? "" : ": " + caution(s.confidence())));
    }
    out.println();
  }

  private void notes(List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    out.println(say("good-to-know"));
    notes.forEach(n -> out.printf("  - %s%n", n.message()));
    out.println();
  }

  private void salary(SalaryFigures s) {
    if (s == null) {
      return;
    }
    // 70,550 in English; 70.550 in Spanish, where 70,550 would read as seventy and a half.
    NumberFormat dollars = NumberFormat.getIntegerInstance(locale.getLanguage().equals("en") ? Locale.US : locale);
    out.printf("%s%n", say("pay.title", s.source(), String.valueOf(s.year())));
    if (s.state() != null) {
      out.printf("  %s%n", say("pay.state", s.state(), dollars.format(s.median()), dollars.format(s.p10()),
          dollars.format(s.p90()), dollars.format(s.nationalMedian())));
    } else {
      out.printf("  %s%n", say("pay.national", dollars.format(s.median()), dollars.format(s.p10()),
          dollars.format(s.p90()), s.note()));
    }
  }

  private String caution(Confidence confidence) {
    return say(confidence == Confidence.M ? "caution.M" : "caution.I");
  }

  private String component(String name) {
    return words.containsKey("component." + name) ? say("component." + name)
        : name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @Override
  public void close() throws IOException {
    output.flush();
  }
}
