package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type, method, constructor, field and enum constant of the published modules has a
 * javadoc comment. The javadoc plugin runs doclint as {@code all,-missing}: doclint's
 * {@code missing} group also wants an {@code @param} and {@code @return} on every method, which
 * would turn the DSL's one-sentence docs ("the app's port. Default: ...") into boilerplate. This
 * test keeps the part of {@code missing} that matters, a comment on each element; methods that
 * override (they inherit their comment) are left out, as doclint does. It reads the sources with
 * javac's tree API (javadoc is not in the class files); Maven runs tests in the module directory.
 */
class PublicApiJavadocTest {
  /** The library modules (published with a javadoc jar); examples and the benchmarks are not. */
  static final List<String> MODULES = List.of(
      "homelab-dsl", "homelab-k8s", "homelab-ansible", "homelab-terraform", "homelab-github", "homelab-cli");

  @Test
  void should_document_every_public_element_of_the_published_modules() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (String module : MODULES) {
      undocumented.addAll(undocumented(sources(Path.of("..", module, "src/main/java"))));
    }

    assertThat(undocumented).as("public API without a javadoc comment").isEmpty();
  }

  @Test
  void should_flag_undocumented_public_members_but_not_private_or_overriding_ones(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("Pool.java");
    Files.writeString(file, String.join("\n",
        "/** A pool. */",
        "public class Pool {",
        "  public static final int SIZE = 1;",
        "  /** Documented. */",
        "  public int size() { return SIZE; }",
        "  public Pool grow() { return this; }",
        "  private void hidden() {}",
        "  @Override public String toString() { return \"\"; }",
        "  public enum Kind { A }",
        "}",
        "class Internal { public void open() {} }"));

    assertThat(undocumented(List.of(file)))
        .containsExactly("Pool.java:3: Pool.SIZE", "Pool.java:6: Pool.grow()", "Pool.java:9: Pool.Kind", "Pool.java:9: Pool.Kind.A");
  }

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
          .sorted().collect(Collectors.toList());
    }
  }

  /** {@code file:line: element} of each public element without a doc comment; parses, does not compile. */
  static List<String> undocumented(List<Path> files) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) javac.getTask(new StringWriter(), fm, null, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      List<String> found = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        for (Tree type : unit.getTypeDecls()) {
          if (type instanceof ClassTree c && c.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
            visitType(docs, unit, new TreePath(new TreePath(unit), c), "", found);
          }
        }
      }
      return found;
    }
  }

  private static void visitType(DocTrees docs, CompilationUnitTree unit, TreePath path, String outer, List<String> found) {
    ClassTree type = (ClassTree) path.getLeaf();
    String name = outer + type.getSimpleName();
    boolean isInterface = type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
    check(docs, unit, path, name, found);
    for (Tree member : type.getMembers()) {
      TreePath memberPath = new TreePath(path, member);
      if (member instanceof ClassTree nested) {
        if (isApi(nested.getModifiers(), isInterface)) {
          visitType(docs, unit, memberPath, name + ".", found);
        }
      } else if (member instanceof MethodTree method) {
        boolean isConstructor = method.getName().contentEquals("<init>");
        boolean overrides = method.getModifiers().getAnnotations().stream()
            .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
        if (isApi(method.getModifiers(), isInterface) && !overrides) {
          check(docs, unit, memberPath, name + (isConstructor ? "" : "." + method.getName()) + "()", found);
        }
      } else if (member instanceof VariableTree field) {
        // enum constants are parsed as public static final fields
        if (isApi(field.getModifiers(), isInterface)) {
          check(docs, unit, memberPath, name + "." + field.getName(), found);
        }
      }
    }
  }

  private static boolean isApi(ModifiersTree modifiers, boolean inInterface) {
    var flags = modifiers.getFlags();
    return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
        || (inInterface && !flags.contains(Modifier.PRIVATE));
  }

  private static void check(DocTrees docs, CompilationUnitTree unit, TreePath path, String name, List<String> found) {
    if (docs.getDocCommentTree(path) == null) {
      found.add(position(unit, docs, path) + ": " + name);
    }
  }

  private static String position(CompilationUnitTree unit, DocTrees docs, TreePath path) {
    long start = docs.getSourcePositions().getStartPosition(unit, path.getLeaf());
    return Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + unit.getLineMap().getLineNumber(start);
  }
}
