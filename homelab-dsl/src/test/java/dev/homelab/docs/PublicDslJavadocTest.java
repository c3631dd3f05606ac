package dev.homelab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public DSL method documents its default and links the upstream docs (CONTRIBUTING.md).
 * Javadoc is not in the class files, so this reads the sources; Maven runs tests in the module
 * directory. The DSL is Homelab's factories and, in the model values ({@code @Value.Immutable}),
 * their static factories, the chained setters (returning their own type) and the attribute
 * accessors (abstract, {@code @Value.Default} or {@code @Value.Parameter}). Derived queries such as
 * {@code violations()} are not DSL methods and have no default.
 */
class PublicDslJavadocTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/homelab");

  @Test
  void should_document_default_and_upstream_link_of_every_public_dsl_method() throws IOException {
    List<DslMethod> methods = new ArrayList<>();
    for (Path file : dslSources()) {
      methods.addAll(DslMethodScanner.scan(SOURCES.relativize(file).toString(), Files.readAllLines(file)));
    }

    // Guards against a parser that silently finds nothing.
    assertThat(methods).extracting(DslMethod::name)
        .contains("Homelab.node", "Homelab.k3s", "Node.arm64", "Node.arch", "K3s.ha", "K3s.clusterCidr", "App.publicVia",
            "Lab.domain", "Lab.of", "Retention.daily");
    assertThat(methods.stream().filter(m -> !m.isDocumented()).map(DslMethod::toString))
        .as("public DSL methods whose javadoc lacks 'Default:'/'Required' or an @see/<a href=...> link")
        .isEmpty();
  }

  @Test
  void should_flag_a_dsl_method_whose_javadoc_is_missing_or_incomplete() {
    List<String> source = List.of(
        "@Value.Immutable",
        "public abstract class Pool {",
        "  /** Pool name. Required. @see <a href=\"https://metallb.io/\">MetalLB</a> */",
        "  @Value.Parameter",
        "  public abstract String name();",
        "",
        "  /** Hands out addresses. Default: true. */",
        "  @Value.Default",
        "  public boolean autoAssign() {",
        "    return true;",
        "  }",
        "",
        "  public Pool manualOnly() {",
        "    return this;",
        "  }",
        "",
        "  public List<Problem> violations() {",
        "    return List.of();",
        "  }",
        "",
        "  public enum Kind {",
        "    A;",
        "    public String flag() {",
        "      return \"a\";",
        "    }",
        "  }",
        "",
        "  @Override",
        "  public String toString() {",
        "    return \"{}\";",
        "  }",
        "}");

    List<DslMethod> methods = DslMethodScanner.scan("Pool.java", source);

    assertThat(methods).extracting(DslMethod::toString)
        .containsExactly("Pool.java: Pool.name()", "Pool.java: Pool.autoAssign()", "Pool.java: Pool.manualOnly()");
    assertThat(methods).extracting(DslMethod::isDocumented).containsExactly(true, false, false);
  }

  private static List<Path> dslSources() throws IOException {
    try (Stream<Path> model = Files.walk(SOURCES.resolve("model"))) {
      List<Path> files = model.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
      files.add(0, SOURCES.resolve("Homelab.java"));
      return files;
    }
  }

  /** A public DSL method and the javadoc right above it (only annotations may sit in between). */
  record DslMethod(String file, String type, String method, String javadoc) {
    private static final Pattern DEFAULT = Pattern.compile("Default:|Required");
    private static final Pattern LINK = Pattern.compile("@see|<a href=");

    String name() {
      return type + "." + method;
    }

    boolean isDocumented() {
      return DEFAULT.matcher(javadoc).find() && LINK.matcher(javadoc).find();
    }

    @Override
    public String toString() {
      return file + ": " + name() + "()";
    }
  }

  /**
   * A line-based reader of this project's sources, which keep one declaration per line and open
   * braces at the end of a line. It tracks brace depth to know which type a method belongs to.
   */
  static final class DslMethodScanner {
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
        "^public\\s+((?:static\\s+|abstract\\s+|final\\s+)*)(?:<[^>]+>\\s+)?([\\w.]+(?:<.*>)?(?:\\[])*)\\s+(\\w+)\\s*\\(");
    private static final Pattern STRING_OR_CHAR = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'");
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "equals", "hashCode");

    private record Type(String name, boolean isDsl, int bodyDepth) {}

    private DslMethodScanner() {}

    static List<DslMethod> scan(String file, List<String> lines) {
      List<DslMethod> found = new ArrayList<>();
      Deque<Type> types = new ArrayDeque<>();
      StringBuilder javadoc = null;
      List<String> annotations = new ArrayList<>();
      boolean inComment = false;
      int depth = 0;

      for (String line : lines) {
        String text = line.strip();
        if (inComment) {
          if (javadoc != null) {
            javadoc.append('\n').append(text);
          }
          inComment = !text.contains("*/");
          continue;
        }
        if (text.startsWith("/*")) {
          javadoc = text.startsWith("/**") ? new StringBuilder(text) : null;
          annotations.clear();
          inComment = !text.contains("*/");
          continue;
        }
        if (text.startsWith("@") && !text.startsWith("@interface")) {
          annotations.add(text);
          continue;
        }

        String code = STRING_OR_CHAR.matcher(text).replaceAll("\"\"").replaceFirst("//.*$", "");
        Matcher type = TYPE.matcher(code);
        Matcher method = METHOD.matcher(code);
        if (type.find() && !code.contains("(")) {
          boolean isPublic = code.startsWith("public ");
          boolean isValue = annotations.stream().anyMatch(a -> a.startsWith("@Value.Immutable"));
          boolean isDsl = isPublic && type.group(1).equals("class") && (isValue || type.group(2).equals("Homelab"));
          types.push(new Type(type.group(2), isDsl, depth + 1));
        } else if (method.find() && !types.isEmpty() && types.peek().isDsl() && types.peek().bodyDepth() == depth
            && isDslMethod(types.peek().name(), method, annotations)) {
          found.add(new DslMethod(file, types.peek().name(), method.group(3), javadoc == null ? "" : javadoc.toString()));
        }

        depth += count(code, '{') - count(code, '}');
        while (!types.isEmpty() && types.peek().bodyDepth() > depth) {
          types.pop();
        }
        javadoc = null;
        annotations.clear();
      }
      return found;
    }

    /** Static factories, chained setters and attribute accessors; not queries or Object's methods. */
    private static boolean isDslMethod(String type, Matcher method, List<String> annotations) {
      String modifiers = method.group(1);
      String returnType = method.group(2);
      String name = method.group(3);
      boolean isAttribute = modifiers.contains("abstract")
          || annotations.stream().anyMatch(a -> a.startsWith("@Value.Default") || a.startsWith("@Value.Parameter"));
      return !OBJECT_METHODS.contains(name)
          && (modifiers.contains("static") || isAttribute || returnType.equals(type));
    }

    private static int count(String code, char c) {
      return (int) code.chars().filter(ch -> ch == c).count();
    }
  }
}
