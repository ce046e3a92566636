package org.credpath.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.credpath.model.fact.Thresholds;
import org.credpath.model.error.InvalidProfileException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.FieldProblem;
import org.credpath.model.profile.ProfileValidator;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.KnowledgeBaseInfo;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The one door into credpath: a compiled knowledge base that evaluates candidate profiles.
 *
 * <p>Load it once with {@link #load(RuleSource)} (compiling takes about a second) and share it:
 * it is immutable and {@link #evaluate} may be called from any number of threads at once, each
 * call running in a session of its own. No method reads the clock; the evaluation date is always
 * an argument.
 */
public final class CredpathEngine {
  /** Firings allowed in one evaluation before a rule is deemed to loop; real profiles need a few hundred. */
  public static final int MAX_FIRINGS = EvaluationLimits.DEFAULT.maxFirings();

  private final KieBase kieBase;
  private final KieSessionsPool sessions;
  private final RuleSource source;
  private final PolicyCatalogue catalogue;
  private final KnowledgeBaseInfo info;
  private final Warnings warnings;
  private final SalaryTable salaries;
  private final ResultAssembler assembler;
  private final MessageBundles messages;
  private final Thresholds thresholds;
  private final KnownCredentials credentials;
  private final PolicyFacts policy;
  private final EvaluationLimits limits;
  private final CompiledAt compiledAt;

  private CredpathEngine(
      KieBase kieBase, RuleSource source, PolicyCatalogue catalogue, KnowledgeBaseInfo info,
      Warnings warnings, SalaryTable salaries, MessageBundles messages,
      Thresholds thresholds, KnownCredentials credentials, CompiledAt compiledAt) {
    this(kieBase, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), source, catalogue, info,
        warnings, salaries, messages, thresholds, credentials, PolicyFacts.of(kieBase, thresholds),
        EvaluationLimits.configured(), compiledAt);
  }

  private CredpathEngine(
      KieBase kieBase, KieSessionsPool sessions, RuleSource source, PolicyCatalogue catalogue, KnowledgeBaseInfo info,
      Warnings warnings, SalaryTable salaries, MessageBundles messages,
      Thresholds thresholds, KnownCredentials credentials, PolicyFacts policy, EvaluationLimits limits,
      CompiledAt compiledAt) {
    this.kieBase = kieBase;
    this.compiledAt = compiledAt;
    this.policy = policy;
    this.sessions = sessions;
    this.limits = limits;
    this.source = source;
    this.catalogue = catalogue;
    this.info = info;
    this.warnings = warnings;
    this.salaries = salaries;
    this.messages = messages;
    this.thresholds = thresholds;
    this.credentials = credentials;
    this.assembler = new ResultAssembler(catalogue, info, messages, credentials);
  }

  /**
   * The same rules (sharing their compiled form and session pool) with other per-evaluation
   * limits: a deadline, an allocation bound and a firing cap. An evaluation that passes one fails
   * with an {@link org.credpath.model.error.EvaluationException} for that profile only. Default:
   * {@link EvaluationLimits#configured()} ({@link EvaluationLimits#DEFAULT}: 10 s, 512 MiB, 10,000
   * firings, unless changed by system properties).
   */
  public CredpathEngine withLimits(EvaluationLimits newLimits) {
    Objects.requireNonNull(newLimits, "newLimits");
    return new CredpathEngine(kieBase, sessions, source, catalogue, info, warnings, salaries, messages, thresholds, credentials,
        policy, newLimits, compiledAt);
  }

  /** The per-evaluation limits in force. */
  public EvaluationLimits limits() {
    return limits;
  }

  /**
   * Checks the guard-rails, compiles and smoke-tests a knowledge base. The rules are compiled to
   * Drools' executable model and every generated class is checked against {@link RuleAllowList}
   * before any is loaded ({@link RuleBytecodeCheck}); only then does the smoke run evaluate sample
   * profiles, under {@link EvaluationLimits}. A rule that reaches beyond facts and findings
   * (System, threads, reflection, files, network, the clock, loops, recursion) is refused with
   * its {@code .drl} line, so loading untrusted rules never runs their code.
   *
   * @throws RulesException with every located problem when the rules cannot be used
   */
  public static CredpathEngine load(RuleSource source) {
    return load(source, null);
  }

  /**
   * Like {@link #load(RuleSource)}, keeping compiled rules in {@code cacheDir} (null: no cache).
   * A second load of the same files skips compiling and the smoke run, which were done before the
   * entry was written, but not the bytecode check; any edit to the files gives a new entry. The
   * built-in rules need no cache: their classes were compiled when credpath was built
   * ({@link BuildTimeRules}) and are checked the same way (see {@link #compiledAt()}).
   */
  public static CredpathEngine load(RuleSource source, java.nio.file.Path cacheDir) {
    Objects.requireNonNull(source, "source");
    EvaluationLimits.configured(); // a mistyped limit property fails now, not after compiling
    var ahead = CheckedRules.startAhead(source); // checked meanwhile on another thread; nothing defined
    List<RuleProblem> problems = new ArrayList<>();
    KnowledgeBaseInfo info = KnowledgeBaseChecks.info(source, problems);
    PolicyCatalogue catalogue = KnowledgeBaseChecks.catalogue(source, problems);
    // Checks of the rule texts that the build ran on these very files when it compiled them ahead:
    // made now only for other folders, else only if those classes cannot be used (CheckedRules;
    // that rare fallback reads the credentials and thresholds files a second time for their scans).
    boolean builtAhead = source.compiledAhead() != null;
    Supplier<List<RuleProblem>> textChecks = () -> {
      List<RuleProblem> found = new ArrayList<>();
      KnowledgeBaseChecks.ruleNames(source, catalogue, found);
      found.addAll(RuleGuard.check(source));
      KnownCredentials.read(source, new ArrayList<>(), found);
      ThresholdFiles.read(source, new ArrayList<>(), found);
      return found;
    };
    if (!builtAhead) {
      KnowledgeBaseChecks.ruleNames(source, catalogue, problems);
      problems.addAll(RuleGuard.check(source));
    }
    List<RuleProblem> ruleScans = builtAhead ? null : problems; // the rules checked against the two files below
    SalaryTable salaries = SalaryTable.read(source, problems);
    KnownCredentials credentials = KnownCredentials.read(source, problems, ruleScans);
    MessageBundles messages = MessageBundles.read(source, problems, credentials);
    Thresholds thresholds = ThresholdFiles.read(source, problems, ruleScans);
    if (!problems.isEmpty()) {
      throw new RulesException(DroolsMessages.tidy(problems));
    }
    List<RuleProblem> compilerWarnings = new ArrayList<>();
    CompiledRulesCache cache = cacheDir == null ? null : new CompiledRulesCache(cacheDir);
    CheckedRules checked = CheckedRules.find(source, info.sha256(), cache, compilerWarnings, ahead, textChecks);
    KieBase kieBase;
    try {
      kieBase = checked.rules().newKieBase();
    } catch (CompiledRules.TooManyAlternatives e) {
      RuleLocator.Location where = RuleLocator.find(source, e.rule());
      String message = "rule \"" + e.rule() + "\": " + e.getMessage();
      throw new RulesException(List.of(where == null ? RuleProblem.error(source.origin(), 0, 0, message)
          : RuleProblem.error(where.file(), where.line(), where.column(), message)));
    } catch (StackOverflowError | OutOfMemoryError e) {
      throw new RulesException(List.of(DrlCompiler.tooComplex(e, source)));
    } catch (RuntimeException | LinkageError e) {
      throw new RulesException(List.of(DroolsMessages.fromThrowable(e, source)), e);
    }
    CredpathEngine engine = new CredpathEngine(kieBase, source, catalogue, info, new Warnings(source, compilerWarnings),
        salaries, messages, thresholds, credentials, checked.compiledAt());
    if (checked.compiledAt() != CompiledAt.LOAD) {
      // Stored classes were written only after these very classes passed the smoke run.
      return engine;
    }
    CredpathEngine smoke = engine.withLimits(EvaluationLimits.SMOKE);
    RuleProblem runtimeProblem = SmokeCheck.run(source, p -> smoke.evaluate(credentials.withoutUnknown(p), SmokeCheck.AS_OF));
    if (runtimeProblem != null) {
      throw new RulesException(List.of(runtimeProblem));
    }
    if (cache != null) {
      cache.write(info.sha256(), checked.rules());
    }
    return engine;
  }

  /**
   * Evaluates one profile as of a date.
   *
   * @throws InvalidProfileException when a date in the profile lies after {@code asOf}, a
   *     credential is listed twice or a credential code is not one of {@link #credentials()}
   * @throws org.credpath.model.error.EvaluationException when a rule fails or keeps re-firing
   */
  public EvaluationResult evaluate(CandidateProfile profile, LocalDate asOf) {
    return evaluate(profile, asOf, Locale.ENGLISH);
  }

  /**
   * Evaluates one profile as of a date, with every sentence in {@code locale}'s language. Codes,
   * statuses, dates and rule ids are the same in every language; only the sentences change.
   *
   * @throws IllegalArgumentException when the knowledge base has no messages in that language
   *     (see {@link #languages()})
   */
  public EvaluationResult evaluate(CandidateProfile profile, LocalDate asOf, Locale locale) {
    return run(profile, asOf, locale, false).result();
  }

  /** The languages the knowledge base's messages are written in, such as {@code [en, es]}. */
  public List<String> languages() {
    java.util.TreeSet<String> languages = new java.util.TreeSet<>(List.of("en")); // the base, even with no bundle
    messages.languages().forEach(l -> languages.add(l.isEmpty() ? "en" : l));
    return List.copyOf(languages);
  }

  /**
   * Like {@link #evaluate}, and also names every rule that fired: for scenario tests, rule
   * coverage and explaining a surprising result. Slower, so batch runs use {@link #evaluate}.
   */
  public Explanation explain(CandidateProfile profile, LocalDate asOf) {
    return run(profile, asOf, Locale.ENGLISH, true);
  }

  private Explanation run(CandidateProfile profile, LocalDate asOf, Locale locale, boolean trace) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(asOf, "asOf");
    if (!messages.speaks(locale)) {
      throw new IllegalArgumentException("the knowledge base has no messages in the language " + locale.getLanguage()
          + "; it has " + String.join(", ", languages()));
    }
    List<FieldProblem> problems = problems(profile, asOf);
    if (!problems.isEmpty()) {
      throw new InvalidProfileException(profile.id(), problems);
    }
    CandidateProfile resolved = credentials.resolve(profile);
    Session.Findings findings = Session.run(kieBase, sessions, resolved, asOf, limits, thresholds, policy, trace);
    return new Explanation(
        assembler.assemble(profile.id(), asOf, findings,
            salaries.lookup(profile.state(), m -> assembler.render(profile.id(), m, locale)), locale), findings.firedRules());
  }

  /**
   * What {@link #evaluate} would refuse, without evaluating: dates after {@code asOf}, a credential
   * listed twice, a code (held or a goal) not in {@link #credentials()}; each with its error code
   * and JSON path, in field order. The JSON layer joins these to a record's JSON problems.
   */
  public List<FieldProblem> problems(CandidateProfile profile, LocalDate asOf) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(asOf, "asOf");
    return ProfileValidator.problems(profile, asOf, credentials.codes());
  }

  /** The credentials this knowledge base knows ({@code credentials.properties}) with body and label, by code. */
  public List<org.credpath.model.profile.CredentialCode> credentials() {
    return credentials.all();
  }

  /** A result with the names of the rules that fired to produce it, sorted. */
  public record Explanation(EvaluationResult result, List<String> firedRules) {
    public Explanation {
      firedRules = List.copyOf(firedRules);
    }
  }

  /** Every rule name in the loaded rules, sorted: the denominator of rule coverage. */
  public List<String> ruleNames() {
    return kieBase.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(org.kie.api.definition.rule.Rule::getName)
        .sorted()
        .toList();
  }

  /** Name, version and content hash of the loaded rules. */
  public KnowledgeBaseInfo knowledgeBase() {
    return info;
  }

  /** The policy ids the rules may cite. */
  public List<PolicyEntry> policies() {
    return catalogue.entries();
  }

  /** Compiler and style warnings; the rules loaded despite them. */
  public List<RuleProblem> warnings() {
    return warnings.all();
  }

  /** When these rules were compiled: at build time (built-in), by an earlier load (cache), or by this load. */
  public CompiledAt compiledAt() {
    return compiledAt;
  }

  /** The files the engine was built from. */
  public RuleSource source() {
    return source;
  }
}
