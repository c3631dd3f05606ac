package dev.homelab.github;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.offsite;
import static dev.homelab.fixtures.TestLabs.webWithoutDns;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.K3sVersion;
import dev.homelab.model.network.Traefik;
import dev.homelab.fixtures.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GitHubActionsBackendTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String WORKFLOW = ".github/workflows/deploy.yml";
  private static final Traefik TRAEFIK = traefik();
  private static final S3Target OFFSITE = offsite();
  private final GitHubActionsBackend backend = new GitHubActionsBackend();

  static Lab base() {
    // Public apps need TLS and CrowdSec in front of them; neither changes the workflow.
    return webWithoutDns("lab");
  }

  /** Public apps, a bucket and remote state: every job. */
  static Lab full() {
    return base()
        .backups(OFFSITE)
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK))
        .dns(cloudflare("example.com"))
        .terraformState(terraformState(OFFSITE))
        .github(github("example/homelab").branch("live").runners(runners("lab-runners")))
        .validate();
  }

  /** Nothing for Terraform: Ansible and Kubernetes only. */
  static Lab clusterOnly() {
    return base()
        .github(github("example/homelab").runners(runners("lab-runners")))
        .validate();
  }

  @Test
  void should_match_the_golden_files_of_a_lab_with_every_job() {
    Golden.assertMatches("full", backend.render(full()));
  }

  @Test
  void should_match_the_golden_files_of_a_lab_without_terraform() {
    Golden.assertMatches("cluster-only", backend.render(clusterOnly()));
  }

  @Test
  void should_render_no_file_without_github() {
    assertThat(backend.render(base()).files()).isEmpty();
  }

  @Test
  void should_render_no_file_without_runners() {
    Lab lab = base().github(github("example/homelab"));

    assertThat(backend.render(lab).files()).isEmpty();
  }

  @Test
  void should_run_every_job_on_the_runner_scale_set() {
    JsonNode jobs = workflow(full()).at("/jobs");

    assertThat(jobIds(jobs)).containsExactly("ansible", "terraform", "kubernetes");
    jobs.forEach(job -> assertThat(job.at("/runs-on").asText()).isEqualTo("lab-runners"));
  }

  @Test
  void should_deploy_on_push_to_the_branch_and_by_hand() {
    JsonNode on = workflow(full()).at("/on");

    assertThat(on.at("/push/branches/0").asText()).isEqualTo("live");
    assertThat(on.at("/push/paths").toString()).contains("k8s/**", "terraform/**", "ansible/**");
    assertThat(on.at("/workflow_dispatch/inputs/ansible/type").asText()).isEqualTo("boolean");
    assertThat(on.at("/workflow_dispatch/inputs/ansible/default").asBoolean()).isFalse();
  }

  @Test
  void should_read_only_the_repository_and_never_deploy_twice_at_once() {
    JsonNode wf = workflow(full());

    assertThat(wf.at("/permissions").toString()).isEqualTo("{\"contents\":\"read\"}");
    assertThat(wf.at("/concurrency/group").asText()).isEqualTo("homelab-deploy");
    assertThat(wf.at("/concurrency/cancel-in-progress").asBoolean()).isFalse();
  }

  @Test
  void should_apply_the_manifests_server_side_after_the_other_jobs() {
    JsonNode k8s = workflow(full()).at("/jobs/kubernetes");

    assertThat(k8s.at("/needs").toString()).isEqualTo("[\"ansible\",\"terraform\"]");
    assertThat(k8s.at("/if").asText()).isEqualTo("${{ !failure() && !cancelled() }}");
    assertThat(runs(k8s)).anySatisfy(r -> assertThat(r).contains("kubectl apply --server-side").contains("-k k8s/"));
    assertThat(k8s.toString()).doesNotContain("kubeconfig").doesNotContain("KUBECONFIG");
  }

  @Test
  void should_apply_run_the_kubernetes_outputs_wait_script_then_apply_again() {
    List<String> runs = runs(workflow(full()).at("/jobs/kubernetes"));

    String apply = "kubectl apply --server-side --field-manager=homelab-deploy -k k8s/";
    assertThat(runs).hasSize(3);
    // The first pass may fail (custom resources before their CRDs); the last one must succeed.
    assertThat(runs.get(0)).startsWith(apply).contains("|| echo");
    // the CRDs and webhooks to wait for are listed once, in the script the Kubernetes backend renders
    assertThat(runs.get(1)).isEqualTo("sh k8s/wait-for-crds-and-webhooks.sh\n");
    assertThat(runs.get(2)).isEqualTo(apply + "\n");
  }

  @Test
  void should_keep_no_list_of_crds_or_webhooks_of_its_own() {
    String text = workflow(full()).toString() + backend.render(full()).text("README.md");

    assertThat(text).doesNotContain("crd/").doesNotContain("kubectl wait").doesNotContain("rollout status")
        .doesNotContain("cert-manager-webhook");
  }

  @Test
  void should_wait_the_same_way_whatever_the_lab_uses() {
    Lab lab = homelab("lab")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .github(github("example/homelab").runners(runners("lab-runners")));

    // the script has nothing to wait for then, and the second apply changes nothing
    assertThat(runs(workflow(lab).at("/jobs/kubernetes"))).isEqualTo(runs(workflow(full()).at("/jobs/kubernetes")));
  }

  @Test
  void should_say_how_to_deploy_the_first_time_before_the_runners_exist() {
    String readme = backend.render(full()).text("README.md");

    assertThat(readme).contains("## First deploy")
        .contains("The jobs run on the scale set `lab-runners`, which `k8s/github-runners/` installs")
        .contains("Deploy\nonce from a workstation on the LAN")
        .contains("   kubectl apply --server-side --field-manager=homelab-deploy -k k8s/\n"
            + "   sh k8s/wait-for-crds-and-webhooks.sh\n"
            + "   kubectl apply --server-side --field-manager=homelab-deploy -k k8s/\n")
        .contains("k8s/SECRETS.md")
        .contains("A GitHub-hosted runner cannot do the first run");
    assertThat(readme.indexOf("## First deploy")).isLessThan(readme.indexOf("## Secrets and variables"));
  }

  @Test
  void should_install_a_kubectl_that_knows_wait_for_create_on_older_clusters() {
    assertThat(DeployWorkflow.kubectlVersion(K3sVersion.of("v1.30.9+k3s1"))).isEqualTo("v1.31.0");
    assertThat(DeployWorkflow.kubectlVersion(K3sVersion.of("v1.33.4+k3s1"))).isEqualTo("v1.33.4");
  }

  @Test
  void should_pass_every_sensitive_terraform_variable_from_a_secret_of_its_name() {
    JsonNode env = terraformStep(workflow(full()), "terraform plan").at("/env");

    assertThat(env.at("/TF_VAR_cloudflare_api_token_token").asText()).isEqualTo("${{ secrets.CLOUDFLARE_API_TOKEN_TOKEN }}");
    assertThat(env.at("/TF_VAR_s3_offsite_access_key_id").asText()).isEqualTo("${{ secrets.S3_OFFSITE_ACCESS_KEY_ID }}");
    assertThat(env.at("/TF_VAR_s3_offsite_secret_access_key").asText()).isEqualTo("${{ secrets.S3_OFFSITE_SECRET_ACCESS_KEY }}");
    assertThat(env.at("/TF_VAR_cloudflare_zone_example_com_zone_id").asText())
        .isEqualTo("${{ vars.CLOUDFLARE_ZONE_EXAMPLE_COM_ZONE_ID }}");
    assertThat(env.at("/AWS_ACCESS_KEY_ID").asText()).isEqualTo("${{ secrets.S3_OFFSITE_ACCESS_KEY_ID }}");
  }

  @Test
  void should_pass_the_zone_id_of_the_vpn_endpoint_record_even_without_public_apps() {
    Lab lab = base()
        .backups(OFFSITE)
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("wg.example.org"))
        .dns(cloudflare("example.com", "example.org"))
        .terraformState(terraformState(OFFSITE))
        .github(github("example/homelab").runners(runners("lab-runners")));

    JsonNode env = terraformStep(workflow(lab), "terraform apply").at("/env");

    assertThat(env.at("/TF_VAR_cloudflare_zone_example_org_zone_id").asText())
        .isEqualTo("${{ vars.CLOUDFLARE_ZONE_EXAMPLE_ORG_ZONE_ID }}");
    assertThat(env.has("TF_VAR_cloudflare_zone_example_com_zone_id")).isFalse();
    assertThat(env.at("/TF_VAR_cloudflare_api_token_token").asText()).isEqualTo("${{ secrets.CLOUDFLARE_API_TOKEN_TOKEN }}");
  }

  @Test
  void should_hand_the_terraform_credentials_to_the_terraform_steps_only() {
    JsonNode job = workflow(full()).at("/jobs/terraform");

    // a job's env reaches every step: the actions and the public address lookup must not see them
    assertThat(job.at("/env").fieldNames()).toIterable()
        .containsExactly("TF_IN_AUTOMATION", "TF_INPUT", "AWS_REQUEST_CHECKSUM_CALCULATION", "AWS_RESPONSE_CHECKSUM_VALIDATION");
    for (JsonNode step : job.at("/steps")) {
      boolean terraform = step.at("/run").asText().startsWith("terraform ");
      assertThat(step.at("/env/AWS_SECRET_ACCESS_KEY").isMissingNode()).as(step.toString()).isEqualTo(!terraform);
      assertThat(step.at("/env/TF_VAR_cloudflare_api_token_token").isMissingNode()).as(step.toString()).isEqualTo(!terraform);
    }
  }

  private static JsonNode terraformStep(JsonNode workflow, String name) {
    for (JsonNode step : workflow.at("/jobs/terraform/steps")) {
      if (step.at("/name").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name);
  }

  @Test
  void should_send_s3_checksums_only_when_required_in_the_terraform_job() {
    RenderedFiles files = backend.render(full());
    JsonNode env = workflow(files).at("/jobs/terraform/env");

    assertThat(env.at("/AWS_REQUEST_CHECKSUM_CALCULATION").asText()).isEqualTo("when_required");
    assertThat(env.at("/AWS_RESPONSE_CHECKSUM_VALIDATION").asText()).isEqualTo("when_required");
    assertThat(files.text("README.md")).contains("never run `terraform` locally while this\nworkflow runs");
  }

  @Test
  void should_plan_then_apply_the_saved_plan() {
    List<String> runs = runs(workflow(full()).at("/jobs/terraform"));

    assertThat(String.join("", runs)).containsSubsequence("terraform init", "terraform plan -input=false -out=tfplan",
        "terraform apply -input=false tfplan");
  }

  @Test
  void should_run_no_terraform_job_when_state_is_local() {
    Lab lab = base()
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK))
        .dns(cloudflare("example.com"))
        .github(github("example/homelab").runners(runners("lab-runners")));

    RenderedFiles files = backend.render(lab);

    assertThat(jobIds(workflow(files).at("/jobs"))).containsExactly("ansible", "kubernetes");
    assertThat(files.text("README.md")).contains("There is no `terraform` job");
  }

  @Test
  void should_run_ansible_only_when_asked_for_on_a_manual_run() {
    JsonNode ansible = workflow(full()).at("/jobs/ansible");

    assertThat(ansible.at("/if").asText()).isEqualTo("github.event_name == 'workflow_dispatch' && inputs.ansible");
    assertThat(ansible.at("/env/PLAYBOOK").asText()).isEqualTo("${{ inputs.playbook }}");
    // The input reaches the shell as a variable, never spliced into the script.
    assertThat(runs(ansible)).allSatisfy(r -> assertThat(r).doesNotContain("${{"));
  }

  @Test
  void should_stop_with_a_clear_error_before_installing_ansible_on_a_runner_without_ssh() throws Exception {
    String run = runs(workflow(full()).at("/jobs/ansible")).stream().filter(r -> r.contains("pip install"))
        .findFirst().orElseThrow();
    // no ssh on the PATH (nor anything else: command and echo are shell builtins)
    ProcessBuilder bash = new ProcessBuilder("/bin/bash", "-c", run.replace("python -m pip", "echo reached pip"))
        .redirectErrorStream(true);
    bash.environment().put("PATH", "/nonexistent");
    Process p = bash.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isEqualTo(1);
    assertThat(out).doesNotContain("reached")
        .contains("::error::the runner image has no ssh client (Debian's openssh-client), which Ansible connects with");
  }

  @Test
  void should_refuse_a_playbook_that_is_not_a_file_of_the_ansible_folder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String run = runs(workflow(full()).at("/jobs/ansible")).stream().filter(r -> r.contains("ansible-playbook -i"))
        .findFirst().orElseThrow();
    // k3s.orchestration.site is not installed on the runner: the step must stop before ansible-playbook
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", run.replace("ansible-playbook", "echo reached ansible-playbook"))
        .directory(dir.toFile()).redirectErrorStream(true);
    bash.environment().put("PLAYBOOK", "k3s.orchestration.site");
    Process p = bash.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isEqualTo(1);
    assertThat(out).doesNotContain("reached").contains("is not a playbook of ansible/");
  }

  @Test
  void should_name_secrets_only_in_secrets_expressions() {
    for (Lab lab : List.of(full(), clusterOnly())) {
      String text = backend.render(lab).text(WORKFLOW);
      // Every mention of a secret is a whole ${{ secrets.NAME }} expression in a value.
      Matcher m = Pattern.compile("secrets\\.").matcher(text);
      int mentions = 0;
      while (m.find()) {
        mentions++;
      }
      Matcher expr = Pattern.compile("\"\\$\\{\\{ secrets\\.[A-Z0-9_]+ }}\"").matcher(text);
      int expressions = 0;
      while (expr.find()) {
        expressions++;
      }
      assertThat(expressions).isEqualTo(mentions).isPositive();
      // and no run script reads a secret directly: steps get them through env.
      runsOf(workflow(backend.render(lab))).forEach(r -> assertThat(r).doesNotContain("secrets."));
    }
  }

  @Test
  void should_run_every_action_by_its_commit_with_the_release_beside_it() {
    List<String> uses = new ArrayList<>();
    workflow(full()).at("/jobs").forEach(job -> job.at("/steps").forEach(s -> {
      if (s.has("uses")) {
        uses.add(s.get("uses").asText());
      }
    }));

    assertThat(uses).contains("actions/checkout@11d5960a326750d5838078e36cf38b85af677262",
            "hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd")
        .allSatisfy(u -> assertThat(u).matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}"));
    assertThat(backend.render(full()).text(WORKFLOW))
        .contains("      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0\n")
        .contains("      - uses: azure/setup-kubectl@776406bce94f63e41d621b960d78ee25c8b76ede # v4.0.1\n");
  }

  @Test
  void should_install_the_kubectl_of_the_cluster_version() {
    JsonNode steps = workflow(full()).at("/jobs/kubernetes/steps");

    assertThat(steps.toString()).contains("\"version\":\"v1.33.4\"");
  }

  @Test
  void should_render_the_same_bytes_twice() {
    Golden.assertDeterministic(() -> backend.render(full()));
  }

  @Test
  void should_tell_in_the_readme_where_to_copy_the_workflow_and_which_secrets_to_create() {
    String readme = backend.render(full()).text("README.md");

    assertThat(readme)
        .contains("Copy `.github/` to the root of the manifests repository [example/homelab]")
        .contains("| `CLOUDFLARE_API_TOKEN_TOKEN` | secret |")
        .contains("| `ANSIBLE_VAULT_PASSWORD` | secret |");
  }

  @Test
  void should_warn_that_any_workflow_on_the_runners_gets_cluster_admin_and_how_to_limit_it() {
    String readme = backend.render(full()).text("README.md");

    assertThat(readme)
        .contains("## Who controls the cluster")
        .contains("So any job that runs on the scale set `lab-runners`")
        .contains("gets cluster-admin through it")
        .contains("**Whoever can push a branch to\nexample/homelab administers the cluster.**")
        .contains("- keep the repository private, with only people you trust as collaborators")
        .contains("\"Require approval for all outside collaborators\"")
        .contains("`runners(\"lab-runners\").runnerGroup(\"<group>\")` in the model")
        .contains("`example/homelab/.github/workflows/deploy.yml@refs/heads/live`");
  }

  @Test
  void should_say_how_to_limit_a_runner_group_to_the_deploy_workflow() {
    Lab lab = full();
    lab = lab.github(lab.github().orElseThrow().runners(runners("lab-runners").runnerGroup("homelab-deploy")));
    String readme = backend.render(lab).text("README.md");

    assertThat(readme)
        .contains("The scale set registers with the organization, in its runner group `homelab-deploy`")
        .contains("selected workflows: `example/homelab/.github/workflows/deploy.yml@refs/heads/live`")
        .doesNotContain("Whoever can push a branch");
  }

  private JsonNode workflow(Lab lab) {
    return workflow(backend.render(lab));
  }

  private static JsonNode workflow(RenderedFiles files) {
    try {
      return YAML.readTree(files.text(WORKFLOW));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> jobIds(JsonNode jobs) {
    List<String> ids = new ArrayList<>();
    jobs.fieldNames().forEachRemaining(ids::add);
    return ids;
  }

  private static List<String> runs(JsonNode job) {
    List<String> runs = new ArrayList<>();
    job.at("/steps").forEach(s -> {
      if (s.has("run")) {
        runs.add(s.get("run").asText());
      }
    });
    return runs;
  }

  private static List<String> runsOf(JsonNode workflow) {
    List<String> all = new ArrayList<>();
    workflow.at("/jobs").forEach(job -> all.addAll(runs(job)));
    return all;
  }

  @Test
  void should_hand_the_files_its_check_rendered_to_the_render_that_follows() {
    Lab lab = full().validate();

    List<RenderedFiles> inOneRender = dev.homelab.internal.RenderScope.of(lab, () -> {
      backend.check(lab);
      return List.of(backend.render(lab), backend.render(lab));
    });

    assertThat(inOneRender.get(0).files()).isNotEmpty();
    assertThat(inOneRender.get(1)).isSameAs(inOneRender.get(0));
    assertThat(backend.render(lab)).as("outside a render, afresh").isNotSameAs(inOneRender.get(0));
    assertThat(backend.render(lab).files()).containsOnlyKeys(inOneRender.get(0).files().keySet());
  }
}
