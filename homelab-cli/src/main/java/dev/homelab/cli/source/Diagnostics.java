package dev.homelab.cli.source;

import dev.homelab.validation.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Messages about a lab file, each pointing at {@code file:line} as a compiler would. */
final class Diagnostics {
  private Diagnostics() {}

  /** javac's errors as javac prints them: {@code MyLab.java:12: error: ...}, the line and a caret. */
  static String javac(Path file, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder text = new StringBuilder();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      errors++;
      String where = d.getSource() == null ? file.toString() : file + ":" + d.getLineNumber();
      text.append(where).append(": error: ").append(d.getMessage(Locale.ROOT)).append('\n');
      if (d.getSource() != null && d.getLineNumber() > 0) {
        appendLine(text, d.getSource(), d.getLineNumber(), d.getColumnNumber());
      }
    }
    text.append(errors == 1 ? "1 error" : errors + " errors").append(" in ").append(file).append("; nothing was done");
    return text.toString();
  }

  private static void appendLine(StringBuilder text, JavaFileObject source, long line, long column) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\n", -1);
      if (line <= lines.length) {
        String shown = lines[(int) line - 1].replace("\r", "");
        text.append(shown).append('\n');
        if (column > 0) {
          text.append(" ".repeat((int) Math.min(column - 1, shown.length()))).append("^\n");
        }
      }
    } catch (java.io.IOException e) {
      // the message alone still says where
    }
  }

  /**
   * An exception the lab's own code threw while building the model: a {@link ValidationException}
   * (a null argument, {@code lab.validate()}) stays a model problem; anything else is reported at
   * the deepest line of the file in its stack trace.
   */
  static RuntimeException thrown(Path file, String what, Throwable cause) {
    if (cause instanceof ValidationException) {
      return (ValidationException) cause;
    }
    String name = file.getFileName().toString();
    String where = file.toString();
    for (StackTraceElement frame : cause.getStackTrace()) {
      if (name.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
        where = file + ":" + frame.getLineNumber();
        break;
      }
    }
    return new LabSourceException(LabSources.INVALID, where + ": error: " + what + " threw " + cause.getClass().getName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
  }
}
