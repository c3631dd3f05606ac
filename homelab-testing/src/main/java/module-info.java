/**
 * The testing kit of a lab's tests: generated labs ({@link dev.homelab.testing.Labs}), render
 * assertions ({@link dev.homelab.testing.HomelabAssertions}), topology, references and golden files.
 */
module dev.homelab.testing {
  // The kit's one package: generators, assertions, golden files.
  exports dev.homelab.testing;

  // Its signatures speak the model, jqwik's Arbitrary, AssertJ's assertions and fabric8's objects.
  requires transitive dev.homelab.dsl;
  requires transitive net.jqwik.api;
  requires transitive org.assertj.core;
  requires transitive kubernetes.model.core;
  // LabRender renders with every standard backend.
  requires dev.homelab.k8s;
  requires dev.homelab.ansible;
  requires dev.homelab.terraform;
  requires dev.homelab.github;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  // jqwik shows a generated Lab in its reports with this format (LabSampleFormat).
  provides net.jqwik.api.SampleReportingFormat with dev.homelab.testing.LabSampleFormat;
}
