package org.credpath.cli.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
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

  public TextSink(RecordOutput output) {
    this.output = output;
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
      out.printf("%s could not be evaluated%n", e.candidateId() == null
          ? "Record " + e.error().index() + " (line " + e.error().line() + ") of " + e.error().source() : e.candidateId());
      out.printf("  %s at %s: %s%n", e.error().code(), e.error().path(), e.error().message());
      for (org.credpath.json.RecordError more : e.error().more()) {
        out.printf("  %s at %s: %s%n", more.code(), more.path(), more.message());
      }
      out.println();
      return;
    }
    EvaluationResult r = (EvaluationResult) record;
    out.println(RULE);
    out.printf("%s — as of %s%n", r.candidateId(), r.asOf());
    out.printf("(rules: %s %s)%n%n", r.knowledgeBase().name(), r.knowledgeBase().version());
    credentials(r.credentials());
    plan(r.nextSteps());
    notes(r.notes());
    salary(r.salary());
    out.println();
  }

  private void credentials(List<CredentialResult> credentials) {
    out.println("Credentials");
    for (CredentialResult c : credentials) {
      out.printf("  %-7s %s%s%n", c.code(), words(c.status().name()), dates(c));
      if (c.cycle() != null) {
        StringBuilder parts = new StringBuilder();
        for (CycleComponent part : c.cycle().components()) {
          if (part.required() > 0) {
            parts.append(parts.length() == 0 ? " (" : ", ").append(Hours.format(part.earned())).append(" of ")
                .append(Hours.format(part.required())).append(' ').append(component(part.name()));
          }
        }
        out.printf("          cycle %s to %s: %s of %s earned%s%n", c.cycle().start(), c.cycle().end(),
            Hours.format(c.cycle().earned()), Hours.format(c.cycle().required()), parts.length() == 0 ? "" : parts + ")");
      }
      for (String missing : c.missing()) {
        out.printf("          missing: %s%n", missing);
      }
      if (c.confidence() != Confidence.H) {
        out.printf("          (confidence %s: %s)%n", c.confidence(), caution(c.confidence()));
      }
    }
    out.println();
  }

  private static String dates(CredentialResult c) {
    if (c.statusSince() != null && c.statusUntil() != null && c.status().held()) {
      return " (" + c.statusSince() + " to " + c.statusUntil() + ")";
    }
    return c.statusSince() != null ? " (since " + c.statusSince() + ")" : "";
  }

  private void plan(List<NextStep> steps) {
    out.println("Plan");
    if (steps.isEmpty()) {
      out.println("  Nothing to do now.");
    }
    int n = 1;
    for (NextStep s : steps) {
      out.printf("  %d. %s%n", n++, s.message());
      out.printf("     [%s%s, confidence %s%s]%n", s.dueBy() == null ? "" : "due " + s.dueBy() + ", ", s.ruleId(),
          s.confidence(), s.confidence() == Confidence.H ? "" : ": " + caution(s.confidence()));
    }
    out.println();
  }

  private void notes(List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    out.println("Good to know");
    notes.forEach(n -> out.printf("  - %s%n", n.message()));
    out.println();
  }

  private void salary(SalaryFigures s) {
    if (s == null) {
      return;
    }
    NumberFormat dollars = NumberFormat.getIntegerInstance(Locale.US);
    out.printf("Pay for health information technologists (%s, %d)%n", s.source(), s.year());
    if (s.state() != null) {
      out.printf("  %s: median $%s (10th percentile $%s, 90th $%s); national median $%s%n", s.state(),
          dollars.format(s.median()), dollars.format(s.p10()), dollars.format(s.p90()), dollars.format(s.nationalMedian()));
    } else {
      out.printf("  National: median $%s (10th percentile $%s, 90th $%s). %s%n", dollars.format(s.median()),
          dollars.format(s.p10()), dollars.format(s.p90()), s.note());
    }
  }

  private static String caution(Confidence confidence) {
    return confidence == Confidence.M ? "from one secondary source, confirm with the certifying body"
        : "our interpretation, confirm with the certifying body";
  }

  private static String component(String name) {
    return switch (name) {
      case "HIIM_DOMAIN" -> "in HIIM domains";
      case "AHIMA_SOURCED" -> "from AHIMA sources";
      case "HIMSS_SOURCED" -> "from HIMSS sources";
      case "ETHICS" -> "on ethics";
      default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String words(String code) {
    return code.replace('_', ' ');
  }

  @Override
  public void close() throws IOException {
    output.flush();
  }
}
