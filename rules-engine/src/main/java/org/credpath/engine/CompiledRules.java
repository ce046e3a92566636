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

  /**
   * Defines the classes in a loader of their own and builds the knowledge base from the models.
   * Call only after {@link RuleBytecodeCheck#check} returned no problem: this runs generated code.
   */
  KieBase newKieBase() {
    RuleClassLoader loader = new RuleClassLoader(classes, CompiledRules.class.getClassLoader());
    List<Model> models = new ArrayList<>();
    for (String name : modelClasses()) {
      try {
        models.add((Model) loader.loadClass(name.replace('/', '.')).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the generated rule model " + name + " cannot be created", e);
      }
    }
    return KieBaseBuilder.createKieBaseFromModel(models);
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
