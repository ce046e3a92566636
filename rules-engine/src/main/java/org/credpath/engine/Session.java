package org.credpath.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.fact.Thresholds;
import org.credpath.model.fact.Candidate;
import org.credpath.model.fact.CredentialFinding;
import org.credpath.model.fact.MissingRequirement;
import org.credpath.model.fact.NoteFinding;
import org.credpath.model.fact.StepFinding;
import org.credpath.model.profile.CandidateProfile;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/** One evaluation: a fresh Drools session, the profile's facts in, the findings out. */
final class Session {
  private Session() {}

  /** The findings the rules left in working memory. */
  record Findings(
      List<CredentialFinding> credentials, List<MissingRequirement> missing, List<StepFinding> steps,
      List<NoteFinding> notes, List<String> firedRules) {}

  /**
   * Evaluates one profile.
   *
   * @param trace also record the names of the rules that fired (costs a listener call per firing)
   */
  static Findings run(
      KieBase kieBase, KieSessionsPool pool, CandidateProfile profile, LocalDate asOf, EvaluationLimits limits,
      Thresholds thresholds, PolicyFacts policy, boolean trace) {
    int maxFirings = limits.maxFirings();
    // A traced run uses the same precomputed policy facts, so that it can never decide otherwise
    // than evaluate (a rule that looks for a policy record missing never sees it missing in
    // either), and names the policy rules as fired: they fired once, for every evaluation, at load.
    PolicyFacts precomputed = policy;
    // Pooled sessions are reset on dispose, which spares rebuilding the node memories of every
    // rule per profile (the largest cost in a profile). A traced run attaches a listener, so it
    // gets a fresh session that no later evaluation will reuse.
    KieSession session = trace ? kieBase.newKieSession() : pool.newKieSession();
    Bounds bounds = new Bounds(session, RuleBudget.open(limits), precomputed);
    boolean completed = false;
    java.util.TreeSet<String> firedRules = new java.util.TreeSet<>();
    try {
      if (trace) {
        firedRules.addAll(precomputed.ruleNames());
        session.addEventListener(new DefaultAgendaEventListener() {
          @Override
          public void afterMatchFired(AfterMatchFiredEvent event) {
            firedRules.add(event.getMatch().getRule().getName());
          }
        });
      }
      insertFacts(session, profile, asOf, thresholds, precomputed);
      int fired = session.fireAllRules(bounds, maxFirings);
      if (bounds.exceeded != null) {
        throw new EvaluationException(profile.id(), bounds.rule, "rule \"" + bounds.rule + "\" " + bounds.exceeded
            + " while evaluating " + profile.id() + "; the evaluation was stopped", null);
      }
      if (fired >= maxFirings && session.fireAllRules(1) > 0) {
        throw runaway(kieBase, profile, asOf, limits, thresholds);
      }
      Findings findings = collect(session, List.copyOf(firedRules));
      completed = true;
      return findings;
    } catch (ConsequenceException e) {
      String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuleBudget.Exceeded exceeded) {
        throw stopped(profile, rule, exceeded);
      }
      throw new EvaluationException(profile.id(), rule,
          "rule \"" + rule + "\" failed while evaluating " + profile.id() + ": " + cause, cause);
    } catch (EvaluationException e) {
      throw e;
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Only rule code runs here; the failed allocation or the deep stack is gone once unwound.
      String rule = bounds.firing;
      throw new EvaluationException(profile.id(), rule, (rule == null ? "the rules" : "rule \"" + rule + "\"")
          + " ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + " while evaluating " + profile.id(), null);
    } catch (RuntimeException e) {
      RuleBudget.Exceeded exceeded = exceededIn(e);
      if (exceeded != null) {
        throw stopped(profile, RuleNames.of(e), exceeded);
      }
      throw new EvaluationException(profile.id(), null,
          "the rules failed while evaluating " + profile.id() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    } finally {
      RuleBudget.close();
      if (completed) {
        session.dispose();
      } else {
        // A halted or failed session is never handed back to the pool for the next profile.
        session.destroy();
      }
    }
  }

  /** The bound passed inside rule code, wherever Drools wrapped it. */
  private static RuleBudget.Exceeded exceededIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RuleBudget.Exceeded exceeded) {
        return exceeded;
      }
    }
    return null;
  }

  private static EvaluationException stopped(CandidateProfile profile, String rule, RuleBudget.Exceeded exceeded) {
    return new EvaluationException(profile.id(), rule, (rule == null ? "the rules" : "rule \"" + rule + "\"") + " "
        + exceeded.getMessage() + " while evaluating " + profile.id() + "; the evaluation was stopped", null);
  }

  /**
   * Consulted by Drools before each firing: stops the session once the deadline or the allocation
   * bound is passed, naming the rule that was about to fire. Each firing is one tick of the
   * evaluation's {@link RuleBudget}, and the budget reads the clock and the allocation counter
   * before every firing (rule code in between is checked every {@link RuleBudget#CHECK_EVERY} ticks).
   */
  private static final class Bounds implements org.kie.api.runtime.rule.AgendaFilter {
    private final KieSession session;
    private final RuleBudget budget;
    private final PolicyFacts policy;
    String exceeded;
    String rule;
    /** The rule firing now, to name it when its consequence runs out of memory or stack. */
    String firing;

    Bounds(KieSession session, RuleBudget budget, PolicyFacts policy) {
      this.session = session;
      this.budget = budget;
      this.policy = policy;
    }

    @Override
    public boolean accept(org.kie.api.runtime.rule.Match match) {
      if (exceeded != null || policy.derived(match)) {
        return false;
      }
      RuleBudget.Exceeded passed = budget.firing();
      if (passed != null) {
        exceeded = passed.getMessage();
        rule = match.getRule().getName();
        session.halt();
        return false;
      }
      firing = match.getRule().getName();
      return true;
    }
  }

  /**
   * The profile's facts, and the knowledge base's one {@link Thresholds} (the same instance every
   * time; left out when only the rules that derived the policy facts would match it) with the
   * policy facts derived from it once.
   */
  private static void insertFacts(
      KieSession session, CandidateProfile profile, LocalDate asOf, Thresholds thresholds, PolicyFacts policy) {
    policy.insert(session, thresholds);
    session.insert(Candidate.of(profile, asOf));
    profile.education().forEach(session::insert);
    profile.experience().forEach(session::insert);
    profile.credentials().forEach(session::insert);
    profile.continuingEducation().forEach(session::insert);
  }

  private static Findings collect(KieSession session, List<String> firedRules) {
    List<CredentialFinding> credentials = new ArrayList<>();
    List<MissingRequirement> missing = new ArrayList<>();
    List<StepFinding> steps = new ArrayList<>();
    List<NoteFinding> notes = new ArrayList<>();
    for (Object fact : session.getObjects()) {
      if (fact instanceof CredentialFinding f) {
        credentials.add(f);
      } else if (fact instanceof MissingRequirement m) {
        missing.add(m);
      } else if (fact instanceof StepFinding s) {
        steps.add(s);
      } else if (fact instanceof NoteFinding n) {
        notes.add(n);
      }
    }
    return new Findings(credentials, missing, steps, notes, firedRules);
  }

  /**
   * Re-runs the capped evaluation with a listener to name the rule that kept firing; the listener
   * costs nothing on the normal path because it is only attached here.
   */
  private static EvaluationException runaway(
      KieBase kieBase, CandidateProfile profile, LocalDate asOf, EvaluationLimits limits, Thresholds thresholds) {
    int maxFirings = limits.maxFirings();
    Map<String, Integer> counts = new HashMap<>();
    KieSession session = kieBase.newKieSession();
    try {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
      });
      insertFacts(session, profile, asOf, thresholds, PolicyFacts.NONE);
      // A budget of its own (it replaces the spent one on this thread, which run() closes).
      session.fireAllRules(new Bounds(session, RuleBudget.open(limits), PolicyFacts.NONE), maxFirings);
    } finally {
      session.dispose();
    }
    String rule = counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(null);
    return new EvaluationException(profile.id(), rule,
        "rule \"" + rule + "\" kept firing (" + maxFirings + " firings in one evaluation of " + profile.id()
            + "); its consequence probably re-creates the facts it matches", null);
  }
}
