/**
 * The command line a lab's {@code main} hands its model to ({@link dev.homelab.cli.HomelabCli}),
 * and the diagrams of a lab ({@code dev.homelab.graph}).
 */
module dev.homelab.cli {
  // HomelabCli.run(...), the standard backends, the version provider and Main of homelab.jar.
  exports dev.homelab.cli;
  // LabTopology, MermaidGraph and DotGraph draw a lab; docs and tests of a lab call them.
  exports dev.homelab.graph;
  // dev.homelab.cli.source (--lab files) and dev.homelab.cli.init (the init scaffold) serve the
  // commands only and stay inside.

  // One dependency on homelab-cli brings the DSL and every backend (as its Maven dependencies do),
  // and HomelabCli.run and StandardBackends.all() speak Lab and Backend.
  requires transitive dev.homelab.dsl;
  requires transitive dev.homelab.k8s;
  requires transitive dev.homelab.ansible;
  requires transitive dev.homelab.terraform;
  requires transitive dev.homelab.github;
  // HomelabVersion is picocli's IVersionProvider.
  requires transitive info.picocli;
  requires io.github.javadiffutils;
  requires com.fasterxml.jackson.databind;
  // --lab: a Java file is compiled with javax.tools, a script runs in JShell.
  requires java.compiler;
  requires jdk.jshell;

  // picocli reads the commands' @Option and @Parameters fields and creates them by reflection.
  opens dev.homelab.cli to info.picocli;
}
