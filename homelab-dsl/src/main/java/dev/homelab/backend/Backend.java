package dev.homelab.backend;

import dev.homelab.model.Lab;

/**
 * Turns a validated model into files. Implementations are plain classes registered explicitly
 * with {@link Renderer#using}; {@link Backends#discover()} finds those listed under
 * {@code META-INF/services/dev.homelab.backend.Backend} as a convenience.
 */
public interface Backend {

  /**
   * Short name; also the folder under the output directory ({@code k8s}, {@code ansible}...). Must
   * match {@code [a-z0-9][a-z0-9-]*}; {@link Renderer} refuses other names.
   */
  String name();

  /**
   * Renders {@code lab}, which has passed validation. Same model, same bytes: no timestamps,
   * stable ordering.
   */
  RenderedFiles render(Lab lab);
}
