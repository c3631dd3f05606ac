package dev.homelab.backend;

import dev.homelab.model.Lab;
import dev.homelab.validation.Check;
import dev.homelab.validation.Problem;
import java.util.List;

/**
 * Turns a validated model into files. Implementations are plain classes, registered explicitly
 * with {@link Renderer#using} (no class-path discovery: what renders is what the lab's main names).
 */
public interface Backend {

  /**
   * Short name; also the folder under the output directory ({@code k8s}, {@code ansible}...). Must
   * match {@code [a-z0-9][a-z0-9-]*}; {@link Renderer} refuses other names.
   */
  String name();

  /**
   * Problems only this backend cares about (references it resolves, values it puts into its
   * files), each in the model's {@code path: problem. fix} form. {@link Renderer} and the command
   * line's {@code validate} report them together with the standard validation's problems, in one
   * {@link dev.homelab.validation.ValidationException}, before anything is rendered. Called on any
   * model, valid or not: must not throw. Default: none.
   */
  default List<Problem> check(Lab lab) {
    return List.of();
  }

  /**
   * Whether {@link #check} may run on another thread while the calling thread goes on: true when
   * it reads nothing but the lab and shares nothing mutable. {@link Renderer} then starts it on the
   * common pool, beside the standard validation and the other backends' checks and renders, and
   * still reports every problem in backend order. Default: false (the calling thread runs it).
   */
  default boolean checksOnAnyThread() {
    return false;
  }

  /**
   * Every check {@link #check} reports through, declared once next to the backend's code, for
   * tests and the rules page ({@link dev.homelab.validation.Checks#markdown}). Default: none.
   */
  default List<Check> checks() {
    return List.of();
  }

  /**
   * The steps a person runs, with this backend's output, to bring {@code lab} up on fresh hosts;
   * {@link BringUpGuide} merges every backend's steps into the output's top-level README in
   * {@link BringUpStep.Stage} order. Called only on a valid model. Default: none.
   */
  default List<BringUpStep> bringUp(Lab lab) {
    return List.of();
  }

  /**
   * Renders {@code lab}, which has passed the standard validation and this backend's own
   * {@link #check}. A backend whose check {@link #checksOnAnyThread runs on any thread} may still be
   * checking: {@link Renderer} then throws away what was rendered and reports its problems. Same
   * model, same bytes: no timestamps, stable ordering.
   */
  RenderedFiles render(Lab lab);
}
