package dev.homelab.cli;

import dev.homelab.backend.Backend;
import dev.homelab.model.Lab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

/** One in-process run of the CLI with captured output. */
record CliRun(int code, String out, String err) {
  static CliRun of(Supplier<Lab> lab, List<Backend> backends, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HomelabCli.run(lab, backends, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The standalone CLI ({@link Main}): no lab of its own. */
  static CliRun standalone(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HomelabCli.run(null, StandardBackends.all(), new PrintWriter(out, true), new PrintWriter(err, true),
        Style.PLAIN, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
