package dev.homelab.k8s;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;

/** Renders the model for k8s. (Being built.) */
public final class KubernetesBackend implements Backend {

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public RenderedFiles render(Lab lab) {
    return RenderedFiles.builder().build();
  }
}
