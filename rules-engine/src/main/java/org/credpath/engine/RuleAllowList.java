package org.credpath.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * What the code generated from a rule folder may use: the one list {@link RuleBytecodeCheck}
 * applies to every instruction. Anything not named here is refused, so a new JDK or Drools method
 * is refused until someone adds it on purpose.
 *
 * <p>Three groups:
 * <ul>
 *   <li><b>Rule vocabulary</b>: the credpath model types ({@code org.credpath.model.fact},
 *       {@code .profile}, {@code .result}) with their own public methods and constructors;
 *       {@code String} (reading text, and building it by concatenation capped at
 *       {@link RuleText#MAX_CHARS}; never {@code StringBuilder}, and the searches {@code indexOf},
 *       {@code lastIndexOf} and {@code contains} only for one character, since with a text argument
 *       their time is the product of two lengths),
 *       boxed primitives, a named list of {@code Math} methods, the {@code java.time} value
 *       types (never {@code now()}), and read-only {@code java.util} collections.</li>
 *   <li><b>Drools glue</b>: the executable model's rule-building DSL ({@code D}, {@code PatternDef},
 *       consequence builders, index and predicate descriptions), its comparison helpers
 *       ({@code EvaluationUtil}), the built-in accumulate functions, and the four working-memory
 *       operations a consequence needs (insert, insertLogical, update, delete). These only build
 *       rule definitions or change working memory; none reads or writes anything outside the
 *       session, starts a thread, loads a class or reads the clock. Rule attributes that schedule
 *       or read the clock ({@code timer}, {@code calendars}, {@code duration}, {@code date-effective},
 *       {@code date-expires}) and globals, entry points and windows are refused.</li>
 *   <li><b>Compiler glue</b>: {@code Object}/{@code Enum} constructors, enum {@code valueOf},
 *       {@code System.arraycopy} (enum {@code values()}), string concatenation and lambdas whose
 *       target is itself checked.</li>
 * </ul>
 */
final class RuleAllowList {
  private static final Set<String> MODEL_PACKAGES =
      Set.of("org/credpath/model/fact/", "org/credpath/model/profile/", "org/credpath/model/result/");
  /** Methods every object has that are safe to call; getClass, wait and notify are not among them. */
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "compareTo", "name", "ordinal");
  /** Never callable, whatever the owner: reflection, monitors and object copying. */
  private static final Set<String> NEVER_ANYWHERE = Set.of(
      "getClass", "wait", "notify", "notifyAll", "getDeclaringClass", "describeConstable", "clone", "finalize");
  /** Never callable on a JDK type, even one whose other methods are all allowed. */
  private static final Set<String> NEVER = Set.of(
      "getClass", "wait", "notify", "notifyAll", "getDeclaringClass", "describeConstable", "now", "datesUntil", "query",
      "repeat", "format", "formatted", "setLength", "ensureCapacity", "stream", "parallelStream", "forEach", "iterator",
      "spliterator", "chars", "codePoints", "lines", "nCopies", "matches", "replaceAll", "replaceFirst", "split",
      "intern", "getBytes", "finalize", "clone");

  /** String searches whose cost is the product of two lengths unless the argument is one character. */
  /** Text buffers: one that appends itself doubles per statement, so a few lines could fill memory. */
  private static final Set<String> BUFFERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");
  private static final String BUFFER_REFUSED = "`StringBuilder` is not allowed in rule files: a builder appended to"
      + " itself doubles with every line, so a few lines could take all the memory; join text with + instead (a"
      + " rule's texts are capped at " + RuleText.MAX_CHARS + " characters)";

  private static final Set<String> SEARCHES = Set.of("indexOf", "lastIndexOf", "contains");

  private static final Set<String> BOXED_METHODS = Set.of("valueOf", "intValue", "longValue", "doubleValue",
      "floatValue", "shortValue", "byteValue", "booleanValue", "charValue", "compare", "parseInt", "parseLong",
      "parseDouble", "parseBoolean", "sum", "max", "min", "signum", "isNaN", "isInfinite", "isDigit", "isLetter",
      "isWhitespace", "toUpperCase", "toLowerCase", "logicalAnd", "logicalOr", "logicalNot");
  // No containsAll: on lists its time is the product of the two sizes, and a list a rule collects
  // (collectList over a cross product, metered while it was built) can hold millions. No of/copyOf
  // (nor Arrays.asList, Collections.singleton*/unmodifiable*): rules read the model's collections
  // but build none, since lists of lists sharing elements make one hashCode, equals or toString
  // walk 10^13 leaves from a few lines (attack on #14c, A1); none of the built-in rules needs one.
  private static final Set<String> READ_ONLY_COLLECTION = Set.of("size", "isEmpty", "contains", "get",
      "getOrDefault", "containsKey", "containsValue", "indexOf", "lastIndexOf", "getKey", "getValue");

  private static final Set<String> BOXED = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Double",
      "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean", "java/lang/Character",
      "java/lang/Number");

  /** JDK owners and the methods allowed on each (every overload); "*" allows every method not in {@link #NEVER}. */
  static final Map<String, Set<String>> JDK = withBoxed(Map.ofEntries(
      Map.entry("java/lang/Object", Set.of("<init>")),
      Map.entry("java/lang/String", Set.of("length", "isEmpty", "isBlank", "charAt", "codePointAt", "equalsIgnoreCase",
          "compareToIgnoreCase", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "substring",
          "subSequence", "toLowerCase", "toUpperCase", "trim", "strip", "stripLeading", "stripTrailing", "valueOf",
          "concat", "copyValueOf", "contentEquals")),
      Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "isEmpty")),
      Map.entry("java/lang/Comparable", Set.of()),
      Map.entry("java/lang/Math", Set.of("abs", "max", "min", "round", "floor", "ceil", "signum", "addExact",
          "subtractExact", "multiplyExact", "negateExact", "toIntExact", "floorDiv", "floorMod", "sqrt", "pow")),
      Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
      Map.entry("java/lang/System", Set.of("arraycopy")),
      Map.entry("java/lang/RuntimeException", Set.of("<init>")),
      Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
      Map.entry("java/lang/IllegalStateException", Set.of("<init>")),
      Map.entry("java/lang/NullPointerException", Set.of("<init>")),
      Map.entry("java/lang/UnsupportedOperationException", Set.of("<init>")),
      Map.entry("java/time/LocalDate", Set.of("*")),
      Map.entry("java/time/YearMonth", Set.of("*")),
      Map.entry("java/time/Year", Set.of("*")),
      Map.entry("java/time/Period", Set.of("*")),
      Map.entry("java/time/Month", Set.of("*")),
      Map.entry("java/time/DayOfWeek", Set.of("*")),
      Map.entry("java/time/temporal/ChronoUnit", Set.of("*")),
      Map.entry("java/time/chrono/ChronoLocalDate", Set.of("isBefore", "isAfter", "isEqual", "compareTo")),
      Map.entry("java/util/List", READ_ONLY_COLLECTION),
      Map.entry("java/util/Set", READ_ONLY_COLLECTION),
      Map.entry("java/util/Map", READ_ONLY_COLLECTION),
      Map.entry("java/util/Map$Entry", READ_ONLY_COLLECTION),
      Map.entry("java/util/Collection", READ_ONLY_COLLECTION),
      Map.entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap")),
      Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "toString",
          "requireNonNull", "requireNonNullElse")),
      // Date literals in constraints ("01-Jan-2020") are parsed with a formatter Drools builds once.
      Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "appendPattern", "parseCaseInsensitive",
          "toFormatter")),
      Map.entry("java/time/format/DateTimeFormatter", Set.of()),
      Map.entry("java/util/Locale", Set.of())));

  private static Map<String, Set<String>> withBoxed(Map<String, Set<String>> others) {
    Map<String, Set<String>> all = new java.util.HashMap<>(others);
    BOXED.forEach(type -> all.put(type, BOXED_METHODS));
    return Map.copyOf(all);
  }

  /** Drools glue owners and their allowed methods; "*" allows all. */
  static final Map<String, Set<String>> GLUE = Map.ofEntries(
      Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("pattern", "declarationOf", "on", "execute", "rule",
          "not", "exists", "and", "or", "accumulate", "accFunction", "valueOf", "eval", "alphaIndexedBy",
          "betaIndexedBy", "reactOn", "forall", "build", "from", "input")),
      Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("*")),
      Map.entry("org/drools/model/impl/RuleBuilder", Set.of("build", "attribute", "metadata")),
      Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames",
          "setMoreThanMaxRuleDefs")),
      Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", Set.of("as")),
      Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
      Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("*")),
      Map.entry("org/drools/modelcompiler/consequence/DroolsImpl", Set.of("asKnowledgeHelper")),
      Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical", "update",
          "delete")),
      Map.entry("org/drools/model/Drools", Set.of("insert", "insertLogical", "update", "delete")),
      Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
      Map.entry("org/drools/model/Index$ConstraintType", Set.of()),
      Map.entry("org/drools/model/Model", Set.of()),
      Map.entry("org/drools/model/Rule", Set.of()),
      Map.entry("org/drools/model/RuleItemBuilder", Set.of()),
      Map.entry("org/drools/model/view/ViewItemBuilder", Set.of()),
      Map.entry("org/drools/model/view/ViewItem", Set.of()),
      Map.entry("org/drools/model/Variable", Set.of()),
      Map.entry("org/drools/model/Declaration", Set.of()),
      Map.entry("org/drools/model/Global", Set.of()),
      Map.entry("org/drools/model/Query", Set.of()),
      Map.entry("org/drools/model/TypeMetaData", Set.of()),
      Map.entry("org/drools/model/EntryPoint", Set.of()));

  /** Rule attributes that would schedule work or read the clock. */
  private static final Set<String> REFUSED_ATTRIBUTES = Set.of("TIMER", "CALENDARS", "DURATION", "DATE_EFFECTIVE",
      "DATE_EXPIRES");

  private final Set<String> generated;
  private final ClassLoader host;

  RuleAllowList(Set<String> generated) {
    this.generated = generated;
    this.host = RuleAllowList.class.getClassLoader();
  }

  boolean isGenerated(String owner) {
    return generated.contains(owner);
  }

  /** Null when a generated class name is free; a generated class must never share a host class's name. */
  String nameClash(String name) {
    if (name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/")
        || host.getResource(name + ".class") != null) {
      return "the rule file's package and names make a class `" + name.replace('/', '.')
          + "` that already exists; give the file a package of its own (such as org.credpath.kb.custom)";
    }
    return null;
  }

  /** Null when a generated class may extend or implement {@code type}. */
  String supertype(String type) {
    if (type == null || generated.contains(type) || type.equals("java/lang/Object") || type.equals("java/lang/Enum")
        || type.equals("java/io/Serializable") || type.equals("java/lang/Comparable")
        || type.startsWith("org/drools/model/functions/") || type.equals("org/drools/model/Model")
        || type.equals("org/drools/model/DomainClassMetadata")
        || type.equals("org/drools/core/factmodel/GeneratedFact")) {
      return null;
    }
    return "`" + type.replace('/', '.') + "` may not be extended or implemented in rule files";
  }

  /** Null when code may name {@code type} (allocate, cast, test, or take its class literal). */
  String type(String type) {
    if (BUFFERS.contains(type)) {
      return BUFFER_REFUSED;
    }
    if (type.startsWith("[")) {
      Type t = Type.getType(type);
      return t.getElementType().getSort() == Type.OBJECT ? type(t.getElementType().getInternalName()) : null;
    }
    if (generated.contains(type) || JDK.containsKey(type) || GLUE.containsKey(type) || isModel(type)
        || isAccumulateFunction(type) || type.startsWith("org/drools/model/functions/")
        || type.startsWith("org/drools/util/bitmask/") || type.startsWith("org/drools/model/bitmask/")
        || type.startsWith("org/drools/model/operators/") || type.startsWith("org/drools/model/consequences/")) {
      return null;
    }
    return notAllowed(type, null);
  }

  /** Null when a method may be called (or be a lambda's target). */
  String method(String owner, String name, String descriptor) {
    // First, even for generated owners: a generated class inherits getClass, wait, clone… from Object.
    if (NEVER_ANYWHERE.contains(name)) {
      return notAllowed(owner, name);
    }
    if (generated.contains(owner)) {
      return null;
    }
    if (BUFFERS.contains(owner)) {
      return BUFFER_REFUSED;
    }
    Set<String> jdk = JDK.get(owner);
    if (jdk != null) {
      if (NEVER.contains(name)) {
        return notAllowed(owner, name);
      }
      if (owner.equals("java/lang/String") && SEARCHES.contains(name) && !descriptor.startsWith("(I")) {
        return "`" + name + "` with a text to look for is not allowed in rule files: its time grows with the product"
            + " of the two lengths; look for one character (`indexOf('x')`), or use startsWith, endsWith or ==";
      }
      if (owner.equals("java/lang/String") && name.equals("valueOf") && descriptor.startsWith("([C")) {
        return notAllowed(owner, name);
      }
      return jdk.contains(name) || jdk.contains("*") || OBJECT_METHODS.contains(name) ? null : notAllowed(owner, name);
    }
    Set<String> glue = GLUE.get(owner);
    if (glue != null) {
      return glue.contains(name) || glue.contains("*") ? null : notAllowed(owner, name);
    }
    if (owner.startsWith("org/drools/model/consequences/ConsequenceBuilder$_") && name.equals("execute")) {
      return null;
    }
    if ((owner.startsWith("org/drools/util/bitmask/") || owner.startsWith("org/drools/model/bitmask/"))) {
      // update(fact) passes a bit mask of the properties that changed: pure bit arithmetic.
      return null;
    }
    if (isAccumulateFunction(owner) && name.equals("<init>") && descriptor.equals("()V")) {
      return null;
    }
    if (isModel(owner)) {
      return modelMethod(owner, name, descriptor) ? null : notAllowed(owner, name);
    }
    return notAllowed(owner, name);
  }

  /** Null when a field may be read (or written, for generated classes' own fields). */
  String field(String owner, String name, String descriptor, boolean write) {
    if (generated.contains(owner)) {
      return null;
    }
    if (write) {
      return "rules may not change `" + owner.replace('/', '.') + "." + name + "`";
    }
    if (owner.equals("org/drools/model/Rule$Attribute")) {
      return REFUSED_ATTRIBUTES.contains(name)
          ? "the rule attribute `" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + "` is not allowed in rule files: it schedules work or reads the clock; use the candidate's asOf date"
          : null;
    }
    if (owner.equals("org/drools/model/operators/MatchesOperator")) {
      return "`matches` is not allowed in rule files: a regular expression can run for a very long time on some"
          + " texts; compare with ==, startsWith or contains instead";
    }
    if (owner.equals("org/drools/model/Index$ConstraintType") || owner.startsWith("org/drools/model/operators/")
        || owner.equals("java/util/Locale") && name.equals("ENGLISH")) {
      return null;
    }
    if (JDK.containsKey(owner) && owner.startsWith("java/lang/") && Set.of("MAX_VALUE", "MIN_VALUE", "TRUE", "FALSE",
        "TYPE", "PI", "E").contains(name)) {
      return null;
    }
    if (JDK.containsKey(owner) && owner.startsWith("java/time/") && Character.isUpperCase(name.charAt(0))) {
      return null;
    }
    if (isModel(owner)) {
      try {
        Field field = Class.forName(owner.replace('/', '.'), false, host).getField(name);
        if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
          return null;
        }
      } catch (ReflectiveOperationException | LinkageError e) {
        // not a public constant: refused below
      }
    }
    return "`" + simple(owner) + "." + name + "` is not allowed in rule files";
  }

  /** Null when a lambda may implement this interface. */
  String lambdaInterface(String type) {
    if (type.startsWith("org/drools/model/functions/") || type.equals("java/util/function/Supplier")) {
      return null;
    }
    return "a lambda implementing `" + type.replace('/', '.') + "` is not allowed in rule files";
  }

  private boolean isModel(String owner) {
    for (String p : MODEL_PACKAGES) {
      if (owner.startsWith(p) && owner.indexOf('/', p.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAccumulateFunction(String owner) {
    return owner.startsWith("org/drools/core/base/accumulators/") && owner.endsWith("AccumulateFunction")
        && owner.indexOf('/', "org/drools/core/base/accumulators/".length()) < 0;
  }

  /** {@link #modelMethod} answers by owner, name and descriptor: one check calls a model getter hundreds of times. */
  private final Map<String, Boolean> modelMethods = new java.util.HashMap<>();

  private boolean modelMethod(String owner, String name, String descriptor) {
    return modelMethods.computeIfAbsent(owner + '.' + name + descriptor, k -> findModelMethod(owner, name, descriptor));
  }

  private boolean findModelMethod(String owner, String name, String descriptor) {
    try {
      Class<?> type = Class.forName(owner.replace('/', '.'), false, host);
      if (name.equals("<init>")) {
        for (Constructor<?> c : type.getConstructors()) {
          if (Type.getConstructorDescriptor(c).equals(descriptor)) {
            return true;
          }
        }
        return false;
      }
      for (Method m : type.getMethods()) {
        if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
          return isModel(Type.getInternalName(m.getDeclaringClass())) || OBJECT_METHODS.contains(name);
        }
      }
      // Interface and inherited methods: the usual object methods only.
      return OBJECT_METHODS.contains(name);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  private static String simple(String owner) {
    return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
  }

  /** The plain sentence for something outside the list, with why the usual suspects are refused. */
  static String notAllowed(String owner, String member) {
    String what = member == null || member.equals("<init>") ? simple(owner) : simple(owner) + "." + member;
    return "`" + what + "` is not allowed in rule files: " + reason(owner, member)
        + "; a rule may only read facts, insert findings and use the methods listed in docs/policy-editing.md";
  }

  private static String reason(String owner, String member) {
    if (member != null && (member.equals("now") || member.equals("currentTimeMillis") || member.equals("nanoTime"))) {
      return "rules must not read the clock (use the candidate's asOf date)";
    }
    if (member != null && (member.equals("getClass") || member.equals("getDeclaringClass"))) {
      return "reflection is not allowed";
    }
    if (member != null && (member.equals("repeat") || member.equals("nCopies") || member.equals("setLength")
        || member.equals("ensureCapacity"))) {
      return "it can take memory without bound";
    }
    if (owner.startsWith("java/io/") || owner.startsWith("java/nio/")) {
      return "rules must not read or write files";
    }
    if (owner.startsWith("java/net/") || owner.startsWith("javax/net/") || owner.startsWith("java/net/http/")) {
      return "rules must not use the network";
    }
    if (owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/") || owner.equals("java/lang/Class")
        || owner.startsWith("java/beans/") || owner.endsWith("ClassLoader")) {
      return "reflection and class loading are not allowed";
    }
    if (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime") || owner.startsWith("java/lang/Process")) {
      return "it reaches the running process or starts programs";
    }
    if (owner.startsWith("java/lang/Thread") || owner.startsWith("java/util/concurrent/")) {
      return "rules must not start, stop or pause threads";
    }
    if (owner.startsWith("org/drools/") || owner.startsWith("org/kie/")) {
      return "the Drools runtime is not for rule files (insert findings instead)";
    }
    if (owner.startsWith("java/util/") && owner.matches(".*(List|Set|Map|Collection|Collections|Arrays|Queue|Deque|Vector)")) {
      return "rules may only read collections (List, Set, Map), not build or change them";
    }
    if (owner.equals("java/util/Date") || owner.endsWith("Calendar") || owner.equals("java/util/TimeZone")) {
      return "rules must not read the clock (use the candidate's asOf date and java.time)";
    }
    return "it is not on the list of what rules may use";
  }
}
