package org.credpath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL text into a Drools {@link KieBase}, turning every Drools message, and the type
 * errors Drools throws instead of reporting, into located {@link RuleProblem}s.
 */
final class DrlCompiler {
  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private DrlCompiler() {}

  /** Compiles every {@code .drl} file of {@code source}; warnings are added to {@code warnings}. */
  static KieBase compile(RuleSource source, List<RuleProblem> warnings) {
    KieServices services = KieServices.get();
    // A release id of its own per build, removed from the global repository afterwards, so that
    // concurrent loads never see each other's modules and reloads do not accumulate.
    ReleaseId releaseId = services.newReleaseId("org.credpath.kb", "rules", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem files = services.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    source.drlFiles().forEach((path, text) -> files.write(RESOURCES + path, text));

    KieBuilder builder = services.newKieBuilder(files);
    List<RuleProblem> problems = new ArrayList<>();
    try {
      builder.buildAll();
    } catch (RuntimeException | LinkageError e) {
      problems.add(DroolsMessages.fromThrowable(e, source));
    }
    if (problems.isEmpty()) {
      for (Message message : builder.getResults().getMessages()) {
        RuleProblem problem = DroolsMessages.fromMessage(message, source);
        (problem.severity() == RuleProblem.Severity.ERROR ? problems : warnings).add(problem);
      }
    }
    if (!problems.isEmpty()) {
      services.getRepository().removeKieModule(releaseId);
      throw new RulesException(DroolsMessages.tidy(problems));
    }
    try {
      KieContainer container = services.newKieContainer(releaseId);
      return container.getKieBase();
    } catch (RuntimeException | LinkageError e) {
      throw new RulesException(List.of(DroolsMessages.fromThrowable(e, source)), e);
    } finally {
      services.getRepository().removeKieModule(releaseId);
    }
  }

  /** Strips the Maven layout prefix Drools puts in front of a file path. */
  static String relative(String droolsPath) {
    if (droolsPath == null) {
      return null;
    }
    return droolsPath.startsWith(RESOURCES) ? droolsPath.substring(RESOURCES.length()) : droolsPath;
  }
}
