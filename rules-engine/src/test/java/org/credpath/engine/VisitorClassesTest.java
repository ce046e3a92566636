package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;

/** {@link VisitorClasses} names every ASM visitor of the engine, and only classes that exist. */
class VisitorClassesTest {
  @Test
  void listsEveryVisitorSubclassOfTheEngine() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(VisitorClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve("org/credpath/engine");
    List<String> visitors = new ArrayList<>();
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = "org.credpath.engine." + file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(name, false, VisitorClasses.class.getClassLoader());
        if (ClassVisitor.class.isAssignableFrom(type) || MethodVisitor.class.isAssignableFrom(type)
            || FieldVisitor.class.isAssignableFrom(type) || AnnotationVisitor.class.isAssignableFrom(type)) {
          visitors.add(name);
        }
      }
    }

    assertThat(visitors).isNotEmpty();
    assertThat(VisitorClasses.NAMES).containsAll(visitors);
    for (String name : VisitorClasses.NAMES) {
      assertThat(Class.forName(name, false, VisitorClasses.class.getClassLoader())).isNotNull();
    }
  }
}
