package dev.homelab.ansible;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;

/** Renders the model for ansible. (Being built.) */
public final class AnsibleBackend implements Backend {

  @Override
  public String name() {
    return "ansible";
  }

  @Override
  public RenderedFiles render(Lab lab) {
    return RenderedFiles.builder().build();
  }
}
