package dev.homelab.cli;

import dev.homelab.model.Lab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A user's lab class whose {@code lab()} throws, as a lab reading a missing file of its own would. */
final class ThrowingLabMain {
  private ThrowingLabMain() {}

  static Lab lab() {
    throw new IllegalStateException("inventory.csv missing");
  }

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HomelabCli.run(ThrowingLabMain::lab, List.of(FakeLabMain.FAKE), new PrintWriter(out, true),
        new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
