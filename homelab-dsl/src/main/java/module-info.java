/**
 * The homelab model, its DSL entry {@link dev.homelab.Homelab}, validation, the versions file and
 * the backend SPI. Start with {@code Homelab.homelab("name")}.
 */
module dev.homelab.dsl {
  // What a lab's code calls: the DSL entry and the model values it builds.
  exports dev.homelab;
  exports dev.homelab.model;
  exports dev.homelab.model.app;
  exports dev.homelab.model.backup;
  exports dev.homelab.model.cluster;
  exports dev.homelab.model.data;
  exports dev.homelab.model.host;
  exports dev.homelab.model.infra;
  exports dev.homelab.model.monitoring;
  exports dev.homelab.model.network;
  exports dev.homelab.model.security;
  exports dev.homelab.model.storage;
  // The problems a lab's tests and a backend's check report, and the Checks registry they name.
  exports dev.homelab.validation;
  // homelab.version(VersionKey, ...) pins an entry of the versions file.
  exports dev.homelab.versions;
  // The backend SPI (Backend, RenderedFiles, OutputWriter): a backend outside the project implements it.
  exports dev.homelab.backend;
  // The shared YAML writer (YAML 1.1 quoting, escaping), so such a backend writes YAML as ours do.
  exports dev.homelab.backend.yaml;
  // Value grammars and argument checks shared with the project's own backends and tools only:
  // never a user's API (qualified, so no other module can read it). The CLI's fuzz tests use it too.
  exports dev.homelab.internal to
      dev.homelab.k8s,
      dev.homelab.ansible,
      dev.homelab.terraform,
      dev.homelab.github,
      dev.homelab.cli,
      dev.homelab.testing;

  // Annotations read at compile time only: Immutables' processor, Error Prone's @CheckReturnValue.
  requires static org.immutables.value;
  requires static com.google.errorprone.annotations;
  // @javax.annotation.processing.Generated (source retention) on the Immutable* classes.
  requires static java.compiler;
  requires com.cronutils;
  // YamlWriter.mapper() returns Jackson's ObjectMapper: its users need Jackson without asking.
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
}
