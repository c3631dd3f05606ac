package dev.homelab.versions;

/**
 * One entry of the versions file ({@code dev/homelab/versions/versions.properties}): a chart, image,
 * Ansible role or tool version a backend renders. A lab overrides one with
 * {@link dev.homelab.model.Lab#version(VersionKey, String)}; {@link Versions} reads them.
 */
public enum VersionKey {
  /** The traefik/traefik Helm chart. */
  CHART_TRAEFIK("chart.traefik", Format.CHART, "k8s", "Traefik Helm chart"),
  /** The crowdsecurity/crowdsec Helm chart. */
  CHART_CROWDSEC("chart.crowdsec", Format.CHART, "k8s", "CrowdSec Helm chart"),
  /** The prometheus-community/kube-prometheus-stack Helm chart. */
  CHART_KUBE_PROMETHEUS_STACK("chart.kube-prometheus-stack", Format.CHART, "k8s", "kube-prometheus-stack Helm chart"),
  /** The metallb/metallb Helm chart. */
  CHART_METALLB("chart.metallb", Format.CHART, "k8s", "MetalLB Helm chart"),
  /** The jetstack/cert-manager Helm chart. */
  CHART_CERT_MANAGER("chart.cert-manager", Format.CHART, "k8s", "cert-manager Helm chart"),
  /** The external-secrets Helm chart. */
  CHART_EXTERNAL_SECRETS("chart.external-secrets", Format.CHART, "k8s", "External Secrets Helm chart"),
  /** The csi-driver-nfs Helm chart. */
  CHART_CSI_DRIVER_NFS("chart.csi-driver-nfs", Format.CHART, "k8s", "csi-driver-nfs Helm chart"),
  /** The Actions Runner Controller charts (controller and runner scale set share one version). */
  CHART_GHA_RUNNER_SCALE_SET("chart.gha-runner-scale-set", Format.CHART, "k8s", "Actions Runner Controller Helm charts"),
  /** The GitHub Actions runner image. */
  IMAGE_ACTIONS_RUNNER("image.actions-runner", Format.IMAGE, "k8s", "GitHub Actions runner image"),
  /** The restic image of the backup jobs. */
  IMAGE_RESTIC("image.restic", Format.IMAGE, "k8s", "restic image"),
  /** The Python image that copies an app's SQLite databases before its backup. */
  IMAGE_PYTHON("image.python", Format.IMAGE, "k8s", "Python image (SQLite copies)"),
  /** The system-upgrade-controller image (its Plan CRD and RBAC are rendered for the file's version). */
  IMAGE_SYSTEM_UPGRADE_CONTROLLER("image.system-upgrade-controller", Format.IMAGE, "k8s", "system-upgrade-controller image"),
  /** The PostgreSQL image of {@code postgres(...)} data services without their own image. */
  IMAGE_POSTGRES("image.postgres", Format.IMAGE, "k8s", "PostgreSQL image"),
  /** The Redis image of {@code redis(...)} data services without their own image. */
  IMAGE_REDIS("image.redis", Format.IMAGE, "k8s", "Redis image"),
  /** The RabbitMQ image of {@code rabbitmq(...)} data services without their own image. */
  IMAGE_RABBITMQ("image.rabbitmq", Format.IMAGE, "k8s", "RabbitMQ image"),
  /** The Pi-hole image of {@code pihole(...)} data services without their own image. */
  IMAGE_PIHOLE("image.pihole", Format.IMAGE, "k8s", "Pi-hole image"),
  /** The Nextcloud image of {@code app("nextcloud")} (Apache variant: one container serves PHP). */
  IMAGE_NEXTCLOUD("image.nextcloud", Format.IMAGE, "k8s", "Nextcloud image"),
  /** The Home Assistant container image of {@code app("homeassistant")}. */
  IMAGE_HOME_ASSISTANT("image.home-assistant", Format.IMAGE, "k8s", "Home Assistant image"),
  /** The Jellyfin image of {@code app("jellyfin")}. */
  IMAGE_JELLYFIN("image.jellyfin", Format.IMAGE, "k8s", "Jellyfin image"),
  /** The Vaultwarden image of {@code app("vaultwarden")}. */
  IMAGE_VAULTWARDEN("image.vaultwarden", Format.IMAGE, "k8s", "Vaultwarden image"),
  /** The Forgejo image of {@code app("forgejo")} (rootless variant: runs as UID 1000, built-in SSH). */
  IMAGE_FORGEJO("image.forgejo", Format.IMAGE, "k8s", "Forgejo image"),
  /** The CrowdSec bouncer plugin Traefik loads. */
  TRAEFIK_PLUGIN_CROWDSEC_BOUNCER("traefik-plugin.crowdsec-bouncer", Format.RELEASE, "k8s", "CrowdSec bouncer Traefik plugin"),
  /** The k3s-io/k3s-ansible release the inventory is written for. */
  ANSIBLE_K3S_ANSIBLE("ansible.k3s-ansible", Format.RELEASE, "ansible", "k3s-ansible"),
  /** The cloudflare/cloudflare Terraform provider constraint. */
  TERRAFORM_PROVIDER_CLOUDFLARE("terraform-provider.cloudflare", Format.CONSTRAINT, "terraform", "Cloudflare Terraform provider"),
  /** The hashicorp/aws Terraform provider constraint. */
  TERRAFORM_PROVIDER_AWS("terraform-provider.aws", Format.CONSTRAINT, "terraform", "AWS Terraform provider"),
  /** The Terraform the deploy workflow installs. */
  TOOL_TERRAFORM("tool.terraform", Format.RELEASE, "github", "Terraform"),
  /** The actions/checkout release of the deploy workflow and its commit. */
  ACTION_CHECKOUT("action.checkout", Format.ACTION, "github", "actions/checkout"),
  /** The actions/setup-python release of the deploy workflow and its commit. */
  ACTION_SETUP_PYTHON("action.setup-python", Format.ACTION, "github", "actions/setup-python"),
  /** The hashicorp/setup-terraform release of the deploy workflow and its commit. */
  ACTION_SETUP_TERRAFORM("action.setup-terraform", Format.ACTION, "github", "hashicorp/setup-terraform"),
  /** The azure/setup-kubectl release of the deploy workflow and its commit. */
  ACTION_SETUP_KUBECTL("action.setup-kubectl", Format.ACTION, "github", "azure/setup-kubectl");

  private final String property;
  private final Format format;
  private final String backend;
  private final String title;

  VersionKey(String property, Format format, String backend, String title) {
    this.property = property;
    this.format = format;
    this.backend = backend;
    this.title = title;
  }

  /** Its key in the versions file, e.g. {@code chart.traefik}. */
  public String property() {
    return property;
  }

  /** The backend that renders it ({@code k8s}, {@code ansible}, {@code terraform}, {@code github}). */
  public String backend() {
    return backend;
  }

  /** What it is, for people: {@code Traefik Helm chart}. */
  public String title() {
    return title;
  }

  Format format() {
    return format;
  }
}
