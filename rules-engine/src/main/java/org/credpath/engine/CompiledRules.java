package org.credpath.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.objectweb.asm.ClassReader;

/**
 * The classes Drools' executable model generated for one rule folder, held as bytes and never
 * loaded until {@link RuleBytecodeCheck} has passed them. The same bytes are what the compiled-rules
 * cache stores, so a cached entry goes through the same check as a fresh compile.
 *
 * <p>Keys are internal class names ({@code org/credpath/kb/RulesAB12}); immutable.
 */
final class CompiledRules {
  private final SortedMap<String, byte[]> classes;

  CompiledRules(Map<String, byte[]> classes) {
    SortedMap<String, byte[]> copy = new TreeMap<>();
    classes.forEach((name, bytes) -> copy.put(name, bytes.clone()));
    this.classes = Collections.unmodifiableSortedMap(copy);
  }

  /** Every generated class by internal name; the byte arrays must not be changed. */
  SortedMap<String, byte[]> classes() {
    return classes;
  }

  /** The generated classes that implement {@link Model}: one per DRL package. */
  List<String> modelClasses() {
    List<String> models = new ArrayList<>();
    classes.forEach((name, bytes) -> {
      for (String itf : new ClassReader(bytes).getInterfaces()) {
        if (itf.equals("org/drools/model/Model")) {
          models.add(name);
        }
      }
    });
    return models;
  }

  /** Most rules Drools may make of one rule by expanding its {@code or}s (one per combination). */
  static final long MAX_ALTERNATIVES = 64;

  /**
   * How many rules Drools makes of this condition when it expands {@code or}: the sum over an
   * {@code or}, the product over everything else (conservative for not/exists/accumulate), at most
   * one past the cap. Counted before the knowledge base is built, because that expansion happens
   * while it is built, where no evaluation bound applies (attack on #14c, A2: 30 `(A or B) and`
   * groups are 2^30 rules, a compile that ends out of memory).
   */
  static long alternatives(org.drools.model.Condition condition) {
    java.util.List<org.drools.model.Condition> parts = condition.getSubConditions();
    if (parts == null || parts.isEmpty()) {
      return 1;
    }
    boolean or = condition.getType() == org.drools.model.Condition.Type.OR;
    long n = or ? 0 : 1;
    for (org.drools.model.Condition part : parts) {
      long each = alternatives(part);
      n = or ? n + each : n * each;
      if (n > MAX_ALTERNATIVES) {
        return MAX_ALTERNATIVES + 1;
      }
    }
    return n;
  }

  /** A rule whose {@code or}s expand to more rules than {@link #MAX_ALTERNATIVES}. */
  static final class TooManyAlternatives extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    TooManyAlternatives(String rule, long alternatives) {
      super("its `or`s expand to " + (alternatives > MAX_ALTERNATIVES ? "more than " + MAX_ALTERNATIVES : alternatives)
          + " rules (Drools makes one rule per combination of alternatives; at most " + MAX_ALTERNATIVES
          + "): split it into several rules");
      this.rule = rule;
    }

    String rule() {
      return rule;
    }
  }

  /** {@link #instrumented()}, once computed. */
  private SortedMap<String, byte[]> instrumented;

  /**
   * The bytes that are defined: every class metered and its texts capped
   * ({@link RuleInstrumentation}), computed once. Only rewrites bytes, so it may be called before
   * the check has finished (start-up does so on another thread); they are defined only by
   * {@link #newKieBase}, after the check.
   */
  synchronized SortedMap<String, byte[]> instrumented() {
    if (instrumented == null) {
      instrumented = RuleInstrumentation.all(this);
    }
    return instrumented;
  }

  /**
   * Defines the classes in a loader of their own and builds the knowledge base from the models.
   * Call only after {@link RuleBytecodeCheck#check} returned no problem: this runs generated code.
   */
  KieBase newKieBase() {
    RuleClassLoader loader = new RuleClassLoader(instrumented(), CompiledRules.class.getClassLoader());
    List<Model> models = new ArrayList<>();
    for (String name : modelClasses()) {
      try {
        models.add((Model) loader.loadClass(name.replace('/', '.')).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the generated rule model " + name + " cannot be created", e);
      }
    }
    // No beta-memory indexes: an indexed join pairs facts by hash without calling the rule's
    // constraint, so its work would go unmetered (RuleBudget); unindexed, every pair is tested by
    // generated code.
    for (Model model : models) {
      for (org.drools.model.Rule rule : model.getRules()) {
        long alternatives = alternatives(rule.getView());
        if (alternatives > MAX_ALTERNATIVES) {
          throw new TooManyAlternatives(rule.getName(), alternatives);
        }
      }
    }
    KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models,
        org.kie.internal.conf.IndexLeftBetaMemoryOption.NO, org.kie.internal.conf.IndexRightBetaMemoryOption.NO);
    // ...and a join with no constraint at all is given one that only counts (see JoinMeter).
    JoinMeter.install(kieBase);
    return kieBase;
  }

  /**
   * Defines the generated classes itself, never asking its parent for them, so that a generated
   * class can never stand in for (or be replaced by) a class of the engine with the same name.
   */
  static final class RuleClassLoader extends ClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    RuleClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("credpath-rules", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      byte[] bytes = classes.get(name.replace('.', '/'));
      if (bytes == null) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
