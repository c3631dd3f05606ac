package dev.homelab.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.homelab.backend.RenderPlan;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file's change as a unified diff, like {@code git diff}: paths relative to the output
 * directory under {@code a/} and {@code b/} (so {@code patch -p1 -d out} applies it), added files
 * from {@code /dev/null}, removed ones to it, three lines of context.
 */
final class UnifiedDiffText {
  private static final int CONTEXT = 3;

  private UnifiedDiffText() {}

  static List<String> of(RenderPlan.File file, Style style) {
    String from = file.before().isPresent() || file.change() == RenderPlan.Change.REMOVED ? "a/" + file.path() : "/dev/null";
    String to = file.change() == RenderPlan.Change.REMOVED ? "/dev/null" : "b/" + file.path();
    List<String> out = new ArrayList<>();
    file.usersFile().ifPresent(reason -> out.add(style.changed("# " + file.path() + ": " + reason
        + "; render stops here unless --force")));
    Optional<String> before = file.before().map(UnifiedDiffText::text);
    Optional<String> after = file.after().map(UnifiedDiffText::text);
    if (file.before().isPresent() && before.isEmpty() || file.after().isPresent() && after.isEmpty()) {
      out.add(style.bold("Binary files " + from + " and " + to + " differ"));
      return out;
    }
    List<String> original = lines(before.orElse(""));
    List<String> revised = lines(after.orElse(""));
    Patch<String> patch = DiffUtils.diff(original, revised);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(from, to, original, patch, CONTEXT);
    if (diff.isEmpty() && file.change() == RenderPlan.Change.CHANGED) {
      // Same lines, other bytes (line endings), or a folder or link where the file goes.
      out.add(style.bold("--- " + from));
      out.add(style.bold("+++ " + to));
      out.add("# " + (file.before().isEmpty() ? "not a regular file now" : "differs only in line endings or the last line break"));
      return out;
    }
    for (String line : diff) {
      if (line.startsWith("@@")) {
        // An empty side starts at line 0, as git and patch write it (java-diff-utils writes 1).
        line = original.isEmpty() ? line.replaceFirst("^@@ -1,0 ", "@@ -0,0 ") : line;
        line = revised.isEmpty() ? line.replaceFirst(" \\+1,0 @@", " +0,0 @@") : line;
      }
      if (line.startsWith("--- ") || line.startsWith("+++ ")) {
        out.add(style.bold(line));
      } else if (line.startsWith("@@")) {
        out.add(style.hunk(line));
      } else if (line.startsWith("+")) {
        out.add(style.added(line));
      } else if (line.startsWith("-")) {
        out.add(style.removed(line));
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** The bytes as UTF-8 text, or null when they are not text. */
  private static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
