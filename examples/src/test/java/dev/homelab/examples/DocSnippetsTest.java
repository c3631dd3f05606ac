package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code ```java} fence of README.md and docs/*.md against the project, so the docs
 * cannot drift from the API. A fence with a top-level type is a compilation unit (given the
 * snippet imports below when it has no imports of its own); a fence that starts with a member
 * ({@code public static ...}) goes into a class body; anything else is statements in a method of a
 * class whose fields ({@link #CONTEXT}) name what the docs' snippets talk about, such as {@code lab},
 * {@code pi4} or the user's {@code MyLab} (a snippet may declare its own: a local hides a field). {@code ```java no-compile}
 * marks a fence that is meant as a fragment.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern FENCE = Pattern.compile("(?m)^```java([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
  private static final Pattern MEMBER = Pattern.compile("^(?:@\\w|(?:public|protected|private|static)\\b)");

  private static final String IMPORTS = String.join("\n",
      "import static dev.homelab.Homelab.*;",
      "import static dev.homelab.testing.HomelabAssertions.assertThat;",
      "import static org.assertj.core.api.Assertions.assertThat;",
      "import dev.homelab.backend.*;",
      "import dev.homelab.cli.*;",
      "import dev.homelab.model.*;",
      "import dev.homelab.model.app.*;",
      "import dev.homelab.model.backup.*;",
      "import dev.homelab.model.cluster.*;",
      "import dev.homelab.model.data.*;",
      "import dev.homelab.model.host.*;",
      "import dev.homelab.model.infra.*;",
      "import dev.homelab.model.monitoring.*;",
      "import dev.homelab.model.network.*;",
      "import dev.homelab.model.security.*;",
      "import dev.homelab.model.storage.*;",
      "import dev.homelab.validation.*;",
      "import dev.homelab.versions.*;",
      "import dev.homelab.testing.*;",
      "import net.jqwik.api.*;",
      "import java.util.*;",
      "import java.nio.file.Path;",
      "import org.junit.jupiter.api.Test;",
      "");

  /** What statement snippets may refer to without declaring it: the reference lab's parts. */
  private static final String CONTEXT = String.join("\n",
      "  Lab lab;",
      "  Node pi4;",
      "  Node nuc;",
      "  Traefik traefik;",
      "  S3Target offsite;",
      "  DataService postgres;",
      "  String[] args;",
      "  static final class MyLab {",
      "    static Lab lab() {",
      "      return null;",
      "    }",
      "  }",
      "");

  record Snippet(String file, int line, String flags, String code) {
    String where() {
      return file + ":" + line;
    }
  }

  @Test
  void should_compile_every_java_snippet_of_the_readme_and_the_docs() throws IOException {
    List<Snippet> snippets = snippets();
    assertThat(snippets).as("java fences found").extracting(Snippet::file).contains("README.md", "docs/guide.md");

    List<String> errors = new ArrayList<>();
    for (Snippet snippet : snippets) {
      if (!snippet.flags().contains("no-compile")) {
        errors.addAll(compile(snippet));
      }
    }

    assertThat(errors).as("java snippets of the docs that do not compile (mark a fragment ```java no-compile)").isEmpty();
  }

  @Test
  void should_report_a_snippet_that_uses_an_api_that_does_not_exist() {
    Snippet stale = new Snippet("doc.md", 3, "", "homelab(\"home\").noSuchSetter(1);\n");

    assertThat(compile(stale)).singleElement().asString().startsWith("doc.md:3 (snippet line 1):").contains("noSuchSetter");
  }

  @Test
  void should_keep_compile_exemptions_rare() throws IOException {
    assertThat(snippets().stream().filter(s -> s.flags().contains("no-compile")).map(Snippet::where))
        .as("fences marked no-compile").hasSizeLessThanOrEqualTo(3);
  }

  static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> found = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher fence = FENCE.matcher(text);
      while (fence.find()) {
        int line = (int) text.substring(0, fence.start(2)).chars().filter(c -> c == '\n').count() + 1;
        found.add(new Snippet(ROOT.relativize(file).toString().replace(File.separatorChar, '/'), line,
            fence.group(1).strip(), fence.group(2)));
      }
    }
    return found;
  }

  /** {@code file:line (snippet line n): message} of each compile error. */
  static List<String> compile(Snippet snippet) {
    String code = snippet.code();
    Matcher type = TYPE.matcher(code);
    String className;
    String source;
    int offset; // lines added above the snippet
    if (type.find()) {
      className = type.group(1);
      boolean ownImports = code.lines().anyMatch(l -> l.startsWith("import "));
      source = ownImports ? code : IMPORTS + code;
      offset = ownImports ? 0 : IMPORTS.split("\n", -1).length - 1;
    } else {
      className = "Snippet";
      String head = IMPORTS + "class Snippet {\n" + CONTEXT;
      boolean member = MEMBER.matcher(code.stripLeading()).find();
      source = member ? head + code + "}\n" : head + "void snippet() throws Exception {\n" + code + "}\n}\n";
      offset = head.split("\n", -1).length - 1 + (member ? 0 : 1);
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Path out = Files.createTempDirectory("doc-snippet");
      List<String> options = List.of("-proc:none", "-classpath", classPath(), "-d", out.toString());
      javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(new Source(className, source))).call();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> snippet.where() + " (snippet line " + (d.getLineNumber() - offset) + "): " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** The test's classpath; surefire may hand it over in a manifest-only jar, so add the project's own. */
  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    for (Class<?> type : new Class<?>[] {dev.homelab.Homelab.class, dev.homelab.cli.HomelabCli.class,
        dev.homelab.k8s.KubernetesBackend.class, ReferenceHomelab.class}) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
