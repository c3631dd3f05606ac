package dev.homelab.cli;

import java.io.PrintWriter;

/**
 * The CLI on its own ({@code java -jar homelab-cli/target/homelab.jar}): {@code init} a new
 * repository, or work on a lab file with {@code --lab MyLab.java} or {@code --lab lab.jsh}.
 */
public final class Main {
  private Main() {}

  /** Runs the CLI with the standard backends and exits with its exit code. */
  public static void main(String[] args) {
    Style style = Style.forConsole(System.console(), System.getenv());
    System.exit(HomelabCli.run(null, StandardBackends.all(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), style, args));
  }
}
