package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CertifyingBody;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.HeldCredential;

/**
 * The credentials a knowledge base knows, read from {@value #FILE}: one {@code CODE = body | label}
 * a line, {@code #} for comments. Adding a credential is a line here, not a Java change. Profiles
 * are checked against this list (a code it does not hold is refused, as a typo must be), results
 * list only these, and sentences write each by its label.
 *
 * <p>The rule files are checked against it like thresholds: every {@code CredentialCode.RHIT} or
 * {@code CredentialCode.of( "CHD_X" )} a rule names must be listed, and every credential listed
 * must be named by some rule; each mistake is a problem at its file, line and column. A folder
 * without the file knows the seven built-in credentials. Immutable.
 */
final class KnownCredentials {
  static final String FILE = "credentials.properties";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern NAMED =
      Pattern.compile("\\bCredentialCode\\s*\\.\\s*(?:of\\s*\\(\\s*\"([^\"]*)\"\\s*\\)|([A-Z][A-Z0-9_]*)\\b)");

  private record Defined(CredentialCode code, int line) {}

  private final SortedMap<String, CredentialCode> codes;
  private final java.util.Set<CredentialCode> set;

  private KnownCredentials(SortedMap<String, CredentialCode> codes) {
    this.codes = codes;
    this.set = java.util.Set.copyOf(codes.values());
  }

  static boolean isCredentials(String relative) {
    return relative.equals(FILE);
  }

  static KnownCredentials read(RuleSource source, List<RuleProblem> problems) {
    return read(source, problems, problems);
  }

  /**
   * Like {@link #read(RuleSource, List)}, with the problems of the list itself in {@code problems}
   * and those of the rule files checked against it in {@code ruleProblems}; null skips that scan of
   * every DRL line, which a load from classes built ahead does: the build made it on the very same
   * files (see {@link CredpathEngine#load}).
   */
  static KnownCredentials read(RuleSource source, List<RuleProblem> problems, List<RuleProblem> ruleProblems) {
    String text = source.files().get(FILE);
    SortedMap<String, Defined> defined = new TreeMap<>();
    java.util.Set<String> listed = new java.util.HashSet<>(); // every code written there, even on a refused line
    if (text == null) {
      CredentialCode.builtIn().forEach(c -> defined.put(c.name(), new Defined(c, 0)));
    } else {
      define(source.index(FILE), defined, listed, problems);
    }
    SortedMap<String, CredentialCode> codes = new TreeMap<>();
    defined.forEach((name, d) -> codes.put(name, d.code()));
    if (ruleProblems != null) {
      checkRules(source, text != null, defined, listed, ruleProblems);
    }
    return new KnownCredentials(java.util.Collections.unmodifiableSortedMap(codes));
  }

  /** Every credential a rule names is listed, and (when the file exists) every listed one is named. */
  private static void checkRules(RuleSource source, boolean fileExists, SortedMap<String, Defined> defined,
      java.util.Set<String> listed, List<RuleProblem> problems) {
    Map<String, Boolean> named = new TreeMap<>();
    source.drlFiles().forEach((path, drl) -> {
      LineIndex index = source.index(path);
      for (int i = 1; i <= index.lineCount(); i++) {
        Matcher m = NAMED.matcher(index.code(i));
        while (m.find()) {
          boolean constant = m.group(1) == null;
          String name = constant ? m.group(2) : m.group(1);
          if (constant && CredentialCode.builtIn().stream().noneMatch(c -> c.name().equals(name))) {
            continue; // not a constant at all: the compiler says so
          }
          named.put(name, true);
          if (!defined.containsKey(name) && !listed.contains(name)) {
            String body = constant ? CredentialCode.valueOf(name).body().name() : "AHIMA";
            problems.add(RuleProblem.error(path, i, m.start(constant ? 2 : 1) + 1, "the credential `" + name
                + "` is not in " + FILE + "; add a line `" + name + " = " + body + " | " + name.replace('_', '-')
                + "` there (its body, AHIMA or HIMSS, and how it is written), or correct the code"));
          }
        }
      }
    });
    if (fileExists) {
      defined.forEach((name, d) -> {
        if (!named.containsKey(name)) {
          problems.add(RuleProblem.error(FILE, d.line(), 1, "no rule names the credential `" + name
              + "` (as CredentialCode." + name + " or CredentialCode.of( \"" + name + "\" )): check its spelling, or remove it"));
        }
      });
    }
  }

  private static void define(LineIndex text, SortedMap<String, Defined> defined, java.util.Set<String> listed,
      List<RuleProblem> problems) {
    for (int i = 1; i <= text.lineCount(); i++) {
      String line = text.line(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        problems.add(RuleProblem.error(FILE, i, 1, "write `CODE = body | label` (such as `CCS_P = AHIMA | CCS-P`)"));
        continue;
      }
      String name = line.substring(0, eq).strip();
      String[] parts = line.substring(eq + 1).split("\\|", 2);
      String bodyText = parts[0].strip();
      int bodyColumn = eq + 2 + (parts[0].length() - parts[0].stripLeading().length());
      String label = parts.length > 1 ? parts[1].strip() : name.replace('_', '-');
      CertifyingBody body = bodyText.equals("AHIMA") ? CertifyingBody.AHIMA
          : bodyText.equals("HIMSS") ? CertifyingBody.HIMSS : null;
      CredentialCode builtIn = CredentialCode.builtIn().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
      listed.add(name);
      if (!CODE.matcher(name).matches()) {
        problems.add(RuleProblem.error(FILE, i, 1, "`" + name + "` is not a credential code; use capital letters, digits"
            + " and _ (such as CCS_P)"));
      } else if (body == null) {
        problems.add(RuleProblem.error(FILE, i, bodyColumn, "the body must be AHIMA or HIMSS"));
      } else if (builtIn != null && builtIn.body() != body) {
        problems.add(RuleProblem.error(FILE, i, bodyColumn, name + " is a built-in credential of " + builtIn.body()
            + "; its body cannot change"));
      } else if (label.isEmpty()) {
        problems.add(RuleProblem.error(FILE, i, line.indexOf('|') + 2, "the label after | is empty; write how people write "
            + name + ", or leave out the | and the label"));
      } else if (defined.containsKey(name)) {
        problems.add(RuleProblem.error(FILE, i, 1, "`" + name + "` is listed twice; the first is on line "
            + defined.get(name).line()));
      } else {
        boolean same = builtIn != null && builtIn.label().equals(label);
        defined.put(name, new Defined(same ? builtIn : CredentialCode.of(name, body, label), i));
      }
    }
  }

  /** Every credential, sorted by code. */
  List<CredentialCode> all() {
    return List.copyOf(codes.values());
  }

  /** How sentences write {@code code}: its label in this knowledge base. */
  String label(CredentialCode code) {
    CredentialCode known = codes.get(code.name());
    return known == null ? code.label() : known.label();
  }

  /**
   * The profile with every code replaced by this knowledge base's own (which carries the body and
   * label); the same profile when nothing changes. Call only after the codes were checked.
   */
  CandidateProfile resolve(CandidateProfile profile) {
    if (profile.credentials().stream().allMatch(h -> codes.get(h.code().name()) == h.code())
        && profile.goals().stream().allMatch(g -> codes.get(g.name()) == g)) {
      return profile;
    }
    List<HeldCredential> held = new ArrayList<>();
    profile.credentials().forEach(h -> held.add(new HeldCredential(known(h.code()), h.earnedOn(), h.cycleStart())));
    List<CredentialCode> goals = profile.goals().stream().map(this::known).toList();
    return new CandidateProfile(profile.id(), profile.state(), profile.highSchool(), profile.education(),
        profile.experience(), held, profile.continuingEducation(), goals, profile.prefersOnline());
  }

  /** The profile without the credentials and goals this knowledge base does not know (for the smoke run). */
  CandidateProfile withoutUnknown(CandidateProfile profile) {
    return new CandidateProfile(profile.id(), profile.state(), profile.highSchool(), profile.education(),
        profile.experience(), profile.credentials().stream().filter(h -> codes.containsKey(h.code().name())).toList(),
        profile.continuingEducation(), profile.goals().stream().filter(g -> codes.containsKey(g.name())).toList(),
        profile.prefersOnline());
  }

  private CredentialCode known(CredentialCode code) {
    return codes.getOrDefault(code.name(), code);
  }

  /** Every credential, as a set (equal by code). */
  java.util.Set<CredentialCode> codes() {
    return set;
  }
}
