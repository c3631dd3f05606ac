package dev.homelab.cli.source;

import dev.homelab.model.Lab;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A lab as a JShell script: run snippet by snippet in this JVM after the imports of
 * {@code homelab.jsh}; the model is the script's variable {@code lab} (of type {@code Lab}).
 * Errors are JShell's diagnostics at {@code file:line}; a script stops at its first error.
 */
final class JShellLabSource {
  /** The imports every script starts with (the CLI jar ships them as {@code homelab.jsh}). */
  static final String STARTUP = "/homelab.jsh";
  private static final String VARIABLE = "lab";

  private JShellLabSource() {}

  static Lab load(Path file) {
    String script;
    try {
      script = Files.readString(file);
    } catch (IOException e) {
      throw new LabSourceException(LabSources.USAGE, "error: --lab " + file + ": cannot read it (" + e.getMessage() + ")");
    }
    SnippetClasses classes = new SnippetClasses(JShellLabSource.class.getClassLoader());
    try (JShell shell = JShell.builder()
        .executionEngine(classes.provider(), Map.of())
        .compilerOptions("-proc:none")
        .build()) {
      shell.addToClasspath(ClassPath.current());
      run(shell, file, startup(), true);
      run(shell, file, script, false);
      Lab lab = classes.lab(VARIABLE);
      if (lab == null) {
        throw new LabSourceException(LabSources.INVALID, "error: " + file + ": declares no variable lab of type Lab. "
            + "End the script with Lab lab = homelab(\"home\")...;");
      }
      return lab;
    }
  }

  private static String startup() {
    try (InputStream in = JShellLabSource.class.getResourceAsStream(STARTUP)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Evaluates {@code text} snippet by snippet; throws at the first rejected snippet or exception. */
  private static void run(JShell shell, Path file, String text, boolean ours) {
    Map<String, Integer> firstLines = new HashMap<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int offset = 0;
    String rest = text;
    while (!rest.isBlank()) {
      String trimmed = rest.stripLeading();
      if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
        // A JShell command: /exit ends the script (as in jshell); others belong to the jshell tool only.
        int at = offset + rest.length() - trimmed.length();
        String command = trimmed.split("\\s", 2)[0];
        if (command.equals("/exit")) {
          return;
        }
        throw new LabSourceException(LabSources.INVALID, file + ":" + line(text, at) + ": error: the JShell command "
            + command + " works only in the jshell tool. Use plain Java statements, or /exit to end the script");
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        return;
      }
      if (!info.completeness().isComplete()) {
        throw new LabSourceException(LabSources.INVALID, file + ":" + line(text, offset + rest.length() - trimmed.length())
            + ": error: this statement does not end (a missing ';', ')' or '}'?)");
      }
      // JShell drops a snippet's leading blank lines and counts its lines from what is left
      String source = info.source().stripLeading();
      int start = offset + info.source().length() - source.length();
      int firstLine = line(text, start);
      for (SnippetEvent event : shell.eval(source)) {
        firstLines.put(event.snippet().id(), firstLine);
        check(shell, file, text, start, event, ours, firstLines);
      }
      int consumed = rest.length() - info.remaining().length();
      offset += consumed;
      rest = info.remaining();
    }
  }

  private static void check(JShell shell, Path file, String text, int start, SnippetEvent event, boolean ours,
      Map<String, Integer> firstLines) {
    Snippet snippet = event.snippet();
    if (event.causeSnippet() != null) {
      return; // an update of an earlier snippet, reported with its own event
    }
    if (event.status() == Snippet.Status.REJECTED) {
      List<String> lines = new ArrayList<>();
      for (Diag d : shell.diagnostics(snippet).collect(Collectors.toList())) {
        if (d.isError()) {
          int at = start + (int) Math.max(0, d.getPosition());
          lines.add(where(file, text, at, ours) + ": error: " + d.getMessage(Locale.ROOT));
        }
      }
      if (lines.isEmpty()) {
        lines.add(where(file, text, start, ours) + ": error: JShell rejected this snippet");
      }
      throw new LabSourceException(LabSources.INVALID, String.join("\n", lines));
    }
    if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).collect(Collectors.joining(", "));
      throw new LabSourceException(LabSources.INVALID, where(file, text, start, ours) + ": error: cannot find " + missing);
    }
    JShellException thrown = event.exception();
    if (thrown != null) {
      if (thrown instanceof EvalException eval && ValidationException.class.getName().equals(eval.getExceptionClassName())) {
        throw new LabSourceException(LabSources.INVALID, eval.getMessage()); // the model's problems, as render prints them
      }
      String name = thrown instanceof EvalException eval ? eval.getExceptionClassName()
          : thrown instanceof UnresolvedReferenceException ? "an unresolved reference" : thrown.getClass().getName();
      int line = line(text, start);
      for (StackTraceElement frame : thrown.getStackTrace()) {
        // JShell names a snippet's frames "#<id>": the deepest one of this script says where it threw
        String id = frame.getFileName() == null || !frame.getFileName().startsWith("#") ? null : frame.getFileName().substring(1);
        if (id != null && firstLines.containsKey(id) && frame.getLineNumber() > 0) {
          line = firstLines.get(id) + frame.getLineNumber() - 1;
          break;
        }
      }
      throw new LabSourceException(LabSources.INVALID, (ours ? "homelab.jsh" : file.toString()) + ":" + line
          + ": error: " + name + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
    }
  }

  private static String where(Path file, String text, int at, boolean ours) {
    return ours ? "homelab.jsh:" + line(text, at) : file + ":" + line(text, at);
  }

  /** The 1-based line of a character offset. */
  private static int line(String text, int at) {
    int line = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
