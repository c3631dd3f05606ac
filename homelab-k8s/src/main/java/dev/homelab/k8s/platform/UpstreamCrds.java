package dev.homelab.k8s.platform;

import dev.homelab.k8s.yaml.KubernetesYaml;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Upstream CRDs committed as resources next to this class (each names its origin in a header). */
final class UpstreamCrds {
  private UpstreamCrds() {}

  /** Reads the CRD resource {@code file} into fabric8's typed CustomResourceDefinition. */
  static CustomResourceDefinition load(String file) {
    try (InputStream in = UpstreamCrds.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + file + " next to " + UpstreamCrds.class.getName());
      }
      return KubernetesYaml.mapper().readValue(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRD " + file, e);
    }
  }
}
