package dev.homelab.cli;

import dev.homelab.model.Lab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A user's lab class whose {@code lab()} returns null, handed to the CLI from its own code as a {@code main} does. */
final class NullLabMain {
  private NullLabMain() {}

  static Lab lab() {
    return null;
  }

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HomelabCli.run(NullLabMain::lab, List.of(FakeLabMain.FAKE), new PrintWriter(out, true),
        new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
