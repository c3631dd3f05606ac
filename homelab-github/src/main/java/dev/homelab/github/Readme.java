package dev.homelab.github;

import dev.homelab.model.Lab;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.infra.Runners;
import java.util.List;
import java.util.Map;

/** Where the workflow goes and which secrets and variables the repository needs. */
final class Readme {
  private final Lab lab;
  private final GitHub github;
  private final Runners runners;
  private final DeployWorkflow workflow;

  Readme(Lab lab, GitHub github, Runners runners, DeployWorkflow workflow) {
    this.lab = lab;
    this.github = github;
    this.runners = runners;
    this.workflow = workflow;
  }

  String text() {
    TerraformInputs tf = workflow.terraformInputs();
    StringBuilder md = new StringBuilder();
    md.append("# GitHub Actions: deploy lab ").append(lab.name()).append("\n\n")
        .append("Rendered by homelab DSL; change the model and render again instead of editing these files.\n\n")
        .append("Copy `.github/` to the root of the manifests repository [").append(github.repository()).append("](")
        .append(github.url()).append("),\nnext to the rendered `k8s/`, `terraform/` and `ansible/` folders, and commit it:\n\n")
        .append("```sh\ncp -r out/github/.github out/k8s out/terraform out/ansible /path/to/").append(repoName()).append("/\n```\n\n")
        .append("`").append(DeployWorkflow.PATH).append("` runs on every push to `").append(github.branch())
        .append("` that changes those folders, and by hand\n(Actions → deploy → Run workflow). Its jobs run on the in-cluster runner scale set\n`")
        .append(runners.name()).append("` (`runs-on: ").append(runners.name()).append("`), so they reach the LAN and the API server; one deploy runs at a time.\n\n");
    md.append("| job | when | what |\n| --- | --- | --- |\n")
        .append("| `ansible` | manual run with *ansible* checked | `ansible-playbook -i ").append(DeployWorkflow.INVENTORY)
        .append(" <playbook>` in `ansible/` (default `").append(DeployWorkflow.DEFAULT_PLAYBOOK).append("`) |\n");
    if (workflow.runsTerraform()) {
      md.append("| `terraform` | every run | `terraform init`, `plan`, `apply` in `terraform/` |\n");
    }
    md.append("| `kubernetes` | every run, after the others | `kubectl apply --server-side -k k8s/` with the runner pod's service account;")
        .append(" the first pass may fail for custom resources, then `sh ").append(DeployWorkflow.WAIT_SCRIPT)
        .append("` waits for the CRDs the charts install and for their admission webhooks, and it applies again, which must succeed |\n\n");
    md.append("The wait script is part of the Kubernetes output (`k8s/README.md` runs the same steps by hand), so\n")
        .append("the workflow always waits for exactly the CRDs and webhooks of the rendered manifests.\n\n");
    bootstrap(md);
    if (tf.hasResources() && !workflow.runsTerraform()) {
      md.append("There is no `terraform` job: the model keeps Terraform state locally, and a runner pod forgets it\n")
          .append("after each job. Set `homelab.terraformState(terraformState(target))` to apply Terraform from here,\n")
          .append("or run it by hand (see `terraform/README.md`).\n\n");
    }
    if (workflow.runsTerraform()) {
      md.append("The `terraform` job sets `AWS_REQUEST_CHECKSUM_CALCULATION` and `AWS_RESPONSE_CHECKSUM_VALIDATION` to\n")
          .append("`when_required`: Terraform 1.11.2+ otherwise sends checksum headers some S3-compatible stores reject.\n")
          .append("The S3 state has no lock (see `terraform/README.md`): never run `terraform` locally while this\n")
          .append("workflow runs.\n\n");
    }

    md.append("## Secrets and variables\n\nCreate them under Settings → Secrets and variables → Actions, e.g. with `gh secret set NAME`.\n")
        .append("The workflow reads them only as `${{ secrets.NAME }}` / `${{ vars.NAME }}`.\n\n")
        .append("| name | kind | what |\n| --- | --- | --- |\n");
    md.append("| `").append(DeployWorkflow.SSH_KEY_SECRET).append("` | secret | private SSH key of user `").append(lab.sshUser())
        .append("` on every node (Ansible job) |\n");
    md.append("| `").append(DeployWorkflow.KNOWN_HOSTS_SECRET).append("` | secret | `ssh-keyscan` of every node, for host key checking (Ansible job) |\n");
    md.append("| `").append(DeployWorkflow.VAULT_SECRET).append("` | secret | Ansible Vault password (Ansible job) |\n");
    if (workflow.runsTerraform()) {
      for (Map.Entry<String, String> s : tf.secrets().entrySet()) {
        md.append("| `").append(s.getKey()).append("` | secret | ").append(s.getValue()).append(" |\n");
      }
      for (Map.Entry<String, String> v : tf.variables().entrySet()) {
        md.append("| `").append(v.getKey()).append("` | variable | ").append(v.getValue()).append(" |\n");
      }
      if (tf.needsPublicIp()) {
        md.append("| `").append(DeployWorkflow.PUBLIC_IP_VARIABLE)
            .append("` | variable, optional | public IPv4 of the lab; default: the runner's egress address (icanhazip.com) |\n");
      }
    }
    md.append("\n## Who controls the cluster\n\n")
        .append("The runners' ServiceAccount needs the rights to apply everything under `k8s/`; the Kubernetes\n")
        .append("output binds it to **`cluster-admin`**. So any job that runs on the scale set `").append(runners.name())
        .append("`\ngets cluster-admin through it, and any workflow of the repository can read the secrets above\n")
        .append("(the nodes' SSH key, the vault password, the storage and DNS credentials).\n\n");
    String workflowRef = github.repository() + "/" + DeployWorkflow.PATH + "@refs/heads/" + github.branch();
    if (runners.runnerGroup().isPresent()) {
      md.append("The scale set registers with the organization, in its runner group `").append(runners.runnerGroup().get())
          .append("`. Limit the group to the\nrepository ").append(github.repository())
          .append(" and to this workflow on `").append(github.branch()).append("` (organization Settings → Actions → Runner\n")
          .append("groups → selected workflows: `").append(workflowRef).append("`), and protect `")
          .append(github.branch()).append("`:\nthen only what is merged there runs on the runners. The secrets stay readable by every\n")
          .append("workflow of the repository: give write access only to people you trust with them.\n");
    } else {
      md.append("The scale set registers with the repository, and GitHub has runner groups for organizations only:\n")
          .append("nothing limits which workflow, branch or pull request runs on it. **Whoever can push a branch to\n")
          .append(github.repository()).append(" administers the cluster.** So:\n\n")
          .append("- keep the repository private, with only people you trust as collaborators (a pull request from\n")
          .append("  a fork of a public repository runs its own workflow files, on these runners; a public one needs\n")
          .append("  at least Settings → Actions → General → \"Require approval for all outside collaborators\", and a\n")
          .append("  reading of every workflow change before you approve it);\n")
          .append("- if the repository belongs to an organization, register the scale set there instead, in a runner\n")
          .append("  group limited to `").append(workflowRef).append("`:\n")
          .append("  `runners(\"").append(runners.name()).append("\").runnerGroup(\"<group>\")` in the model.\n");
    }
    md.append("\nActions run by commit, not by tag (a tag can be moved to other code): `").append(workflow.checkout())
        .append("`, with\nthe release it is in a comment; the versions file (below) sets both.\n");
    md.append('\n').append(dev.homelab.versions.VersionsReadme.section(lab, "github"));
    return md.toString();
  }

  /**
   * The runners this workflow needs are installed by the manifests it applies, so its first run
   * has nothing to run on: the first deploy is done by hand, as {@code k8s/README.md} says.
   */
  private void bootstrap(StringBuilder md) {
    md.append("## First deploy\n\n")
        .append("The jobs run on the scale set `").append(runners.name()).append("`, which `k8s/github-runners/` installs: before\n")
        .append("the first deploy there is no runner to pick them up, and a run just waits in the queue. Deploy\n")
        .append("once from a workstation on the LAN instead:\n\n")
        .append("1. Bring the cluster up with Ansible (`ansible/README.md`); k3s-ansible merges the cluster's\n")
        .append("   kubeconfig into `~/.kube/config` as context `k3s-ansible`.\n")
        .append("2. Create what `k8s/SECRETS.md` lists, the runners' GitHub credentials among them.\n")
        .append("3. From the repository root, run the three steps of the `kubernetes` job (as `k8s/README.md`, but\n")
        .append("   server-side with the workflow's field manager, so its later runs own the same fields):\n\n")
        .append("   ```sh\n   ").append(DeployWorkflow.APPLY).append("\n   sh ").append(DeployWorkflow.WAIT_SCRIPT)
        .append("\n   ").append(DeployWorkflow.APPLY).append("\n   ```\n\n");
    if (workflow.runsTerraform()) {
      md.append("4. Run Terraform once by hand too (`terraform/README.md`), or leave it to the first workflow run.\n");
    }
    md.append("\nOnce the scale set shows up under Settings → Actions → Runners, push or run the workflow: every\n")
        .append("later deploy goes through it. A GitHub-hosted runner cannot do the first run: it would need the\n")
        .append("API server reachable from the internet, which a homelab should not expose.\n\n");
  }

  private String repoName() {
    return github.repository().substring(github.repository().indexOf('/') + 1);
  }
}
