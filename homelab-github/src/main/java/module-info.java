/**
 * The GitHub Actions backend: {@link dev.homelab.github.GitHubActionsBackend} renders the workflow
 * that deploys the lab through runners inside the cluster.
 */
module dev.homelab.github {
  // The backend a lab's main or a custom CLI passes to the render (its only public type).
  exports dev.homelab.github;

  // GitHubActionsBackend implements the SPI's Backend and renders a Lab.
  requires transitive dev.homelab.dsl;
  requires com.fasterxml.jackson.databind;

  // Jackson writes the workflow's values (maps, records) to YAML by reflection.
  opens dev.homelab.github to com.fasterxml.jackson.databind;
}
