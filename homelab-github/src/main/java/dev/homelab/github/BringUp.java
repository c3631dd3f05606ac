package dev.homelab.github;

import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.BringUpStep.Stage;
import dev.homelab.model.Lab;
import dev.homelab.model.infra.GitHub;
import java.util.List;

/**
 * The deploy workflow's step of the bring-up: last, because its jobs run on the runner scale set
 * that the Kubernetes manifests install; the first deploy is the manual one of the earlier steps.
 */
final class BringUp {
  private BringUp() {}

  static List<BringUpStep> steps(Lab lab) {
    if (lab.github().isEmpty() || lab.github().get().runners().isEmpty()) {
      return List.of();
    }
    GitHub github = lab.github().get();
    String runners = github.runners().get().name();
    String body = "The deploy workflow runs on the in-cluster runner scale set `" + runners + "`, which exists only\n"
        + "once the Kubernetes step above has run and the runner Secret is in place: the first deploy is\n"
        + "always the manual one above, never the workflow.\n\n"
        + "1. Create the repository secrets and variables listed in `github/README.md`.\n"
        + "2. Check that the scale set registered: `kubectl -n arc-runners get autoscalingrunnersets` lists `"
        + runners + "`, and the repository's Settings → Actions → Runners shows it.\n"
        + "3. Copy the rendered folders and `.github/` into " + "`" + github.repository() + "` and push to `"
        + github.branch() + "`: from then on every push that changes them deploys.\n";
    return List.of(new BringUpStep(Stage.CONTINUOUS_DEPLOYMENT, "Hand later deploys to GitHub Actions", body));
  }
}
