package dev.homelab.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** ANSI colour for a person at a terminal, plain text for everything else (pipes, files, CI logs). */
final class Style {
  static final Style PLAIN = new Style(false);
  static final Style COLOUR = new Style(true);

  private final boolean colour;

  private Style(boolean colour) {
    this.colour = colour;
  }

  /**
   * Colour when standard output is a terminal and {@code NO_COLOR} is not set to a non-empty value
   * (https://no-color.org).
   */
  static Style forConsole(Console console, Map<String, String> env) {
    String noColour = env.get("NO_COLOR");
    return console != null && isTerminal(console) && (noColour == null || noColour.isEmpty()) ? COLOUR : PLAIN;
  }

  /** Java 22 and newer return a console for pipes too and tell terminals by Console.isTerminal(). */
  private static boolean isTerminal(Console console) {
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // Java 17 to 21: System.console() is null unless both ends are a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  boolean isColour() {
    return colour;
  }

  String added(String text) {
    return paint("32", text);
  }

  String removed(String text) {
    return paint("31", text);
  }

  String changed(String text) {
    return paint("33", text);
  }

  String hunk(String text) {
    return paint("36", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
