package dev.homelab.cli;

import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import java.io.PrintWriter;

/**
 * Prints the warnings of a lab ({@code Check.warning} checks, e.g. internal routes without TLS) on
 * standard error, one {@code warning: path: problem. fix} line each: a warning never changes the
 * exit code or the output, so scripts reading standard output see no difference.
 */
final class Warnings {
  private Warnings() {}

  static void print(Renderer renderer, Lab lab, PrintWriter err) {
    for (Problem p : renderer.warnings(lab)) {
      err.println("warning: " + p);
    }
    err.flush();
  }
}
