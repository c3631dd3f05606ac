package dev.homelab.github;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;

/** Renders the model for github. (Being built.) */
public final class GitHubActionsBackend implements Backend {

  @Override
  public String name() {
    return "github";
  }

  @Override
  public RenderedFiles render(Lab lab) {
    return RenderedFiles.builder().build();
  }
}
