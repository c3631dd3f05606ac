package dev.homelab.terraform;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;

/** Renders the model for terraform. (Being built.) */
public final class TerraformBackend implements Backend {

  @Override
  public String name() {
    return "terraform";
  }

  @Override
  public RenderedFiles render(Lab lab) {
    return RenderedFiles.builder().build();
  }
}
