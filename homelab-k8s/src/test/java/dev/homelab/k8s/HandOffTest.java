package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Where one component's output must match another's: labels a policy selects, Secrets a route or a
 * middleware reads, volumes a claim binds. Each test reads both sides from the rendered files.
 */
class HandOffTest {
  private static final RenderedFiles FILES = TestLabs.render(TestLabs.referenceLike());
  private static final Rendered OUT = Rendered.of(FILES);

  @Test
  void should_admit_traefik_by_the_namespace_and_pod_labels_traefik_runs_with() {
    JsonNode traefikPods = policy("traefik", "allow-public-entrypoints").path("spec").path("podSelector");
    List<JsonNode> fromTraefik = OUT.kind("NetworkPolicy").stream()
        .filter(p -> Rendered.name(p).contains("from-traefik")).toList();

    assertThat(fromTraefik).extracting(p -> Rendered.namespace(p) + "/" + Rendered.name(p))
        .contains("monitoring/allow-grafana-from-traefik", "crowdsec/allow-lapi-from-traefik",
            "crowdsec/allow-appsec-from-traefik", "nextcloud/allow-from-traefik", "rabbitmq/allow-from-traefik");
    for (JsonNode p : fromTraefik) {
      JsonNode from = p.at("/spec/ingress/0/from/0");
      assertThat(from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).as(Rendered.name(p))
          .isEqualTo("traefik");
      assertThat(from.path("podSelector")).as(Rendered.name(p)).isEqualTo(traefikPods);
    }
    assertThat(traefikPods.toString()).isEqualTo("{\"matchLabels\":{\"app.kubernetes.io/name\":\"traefik\"}}");
  }

  @Test
  void should_let_traefik_reach_the_grafana_pods_its_route_points_at() {
    JsonNode route = OUT.kind("IngressRoute").stream().filter(r -> Rendered.name(r).equals("grafana")).findFirst()
        .orElseThrow();
    JsonNode service = route.at("/spec/routes/0/services/0");
    JsonNode allow = policy("monitoring", "allow-grafana-from-traefik");

    assertThat(service.path("namespace").asText()).isEqualTo("monitoring");
    assertThat(service.path("name").asText()).isEqualTo("kube-prometheus-stack-grafana");
    // the grafana chart's pods carry app.kubernetes.io/name: grafana and listen on 3000 (Service 80 -> 3000)
    assertThat(allow.at("/spec/podSelector/matchLabels").toString()).isEqualTo("{\"app.kubernetes.io/name\":\"grafana\"}");
    assertThat(allow.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(3000);
  }

  @Test
  void should_point_the_bouncer_at_the_crowdsec_services_the_policies_open() {
    String middleware = FILES.text("traefik/middleware-crowdsec.yaml");

    assertThat(middleware).contains("crowdsec-service.crowdsec.svc.cluster.local:8080")
        .contains("crowdsec-appsec-service.crowdsec.svc.cluster.local:7422");
    assertThat(policy("crowdsec", "allow-lapi-from-traefik").at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(policy("crowdsec", "allow-appsec-from-traefik").at("/spec/ingress/0/ports/0/port").asInt())
        .isEqualTo(7422);
  }

  @Test
  void should_list_the_bouncer_key_in_both_namespaces_that_read_it() {
    RenderedFiles stored = TestLabs.render(TestLabs.referenceLike().secretStore("vault"));

    assertThat(FILES.text("SECRETS.md"))
        .contains("| crowdsec | crowdsec-bouncer-traefik | key | HelmChart kube-system/crowdsec |")
        .contains("| traefik | crowdsec-bouncer-traefik | key | Middleware traefik/crowdsec |")
        .contains("- `crowdsec-bouncer-traefik`: `crowdsec`, `traefik`");
    assertThat(stored.text("crowdsec/externalsecret-crowdsec-bouncer-traefik.yaml")).contains("namespace: crowdsec");
    assertThat(stored.text("traefik/externalsecret-crowdsec-bouncer-traefik.yaml")).contains("namespace: traefik");
  }

  @Test
  void should_issue_a_certificate_for_every_per_host_route_into_the_secret_it_reads() {
    RenderedFiles files = TestLabs.render(TestLabs.referenceLike()
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")).perHost()));
    Rendered out = Rendered.of(files);
    Set<String> wanted = out.kind("IngressRoute").stream()
        .map(r -> Rendered.namespace(r) + "/" + r.at("/spec/tls/secretName").asText())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> issued = out.kind("Certificate").stream()
        .peek(c -> assertThat(c.at("/spec/issuerRef/name").asText()).isEqualTo("letsencrypt"))
        .map(c -> Rendered.namespace(c) + "/" + c.at("/spec/secretName").asText())
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(wanted).contains("nextcloud/cloud-example-com-tls", "jellyfin/media-example-com-tls",
        "pihole/pihole-example-com-tls", "traefik/grafana-example-com-tls");
    assertThat(issued).isEqualTo(wanted);
    assertThat(files.text("cert-manager/certificate-cloud-example-com.yaml")).contains("- cloud.example.com");
    assertThat(files.files()).doesNotContainKeys("cert-manager/certificate-wildcard.yaml", "traefik/tlsstore-default.yaml");
    assertThat(files.text("SECRETS.md")).doesNotContain("-tls");
  }

  @Test
  void should_bind_the_media_claim_to_the_static_volume_of_the_storage_platform() {
    JsonNode pv = OUT.kind("PersistentVolume").get(0);
    JsonNode pvc = OUT.kind("PersistentVolumeClaim").stream()
        .filter(c -> c.at("/spec/volumeName").asText().equals(Rendered.name(pv))).findFirst().orElseThrow();

    assertThat(Rendered.name(pv)).isEqualTo("media");
    assertThat(Rendered.namespace(pvc) + "/" + Rendered.name(pvc)).isEqualTo("jellyfin/media");
    assertThat(pvc.at("/spec/storageClassName").asText("absent")).isEmpty();
    assertThat(pv.at("/spec/storageClassName").asText("absent")).isEmpty();
    assertThat(pvc.at("/spec/accessModes")).isEqualTo(pv.at("/spec/accessModes"));
    assertThat(pvc.at("/spec/resources/requests/storage")).isEqualTo(pv.at("/spec/capacity/storage"));
  }

  @Test
  void should_list_the_secrets_of_charts_and_not_those_cert_manager_generates() {
    assertThat(FILES.text("SECRETS.md"))
        .contains("| arc-runners | github-runners | github_token (a PAT), or github_app_id, github_app_installation_id "
            + "and github_app_private_key | HelmChart kube-system/homelab-runners |")
        .contains("| monitoring | alertmanager-webhook | url (and used whole) |")
        .doesNotContain("letsencrypt-account-key");
  }

  @Test
  void should_list_the_keys_grafana_reads_from_its_admin_secret() {
    // values: grafana.admin.existingSecret with userKey and passwordKey beside it
    assertThat(FILES.text("SECRETS.md")).contains("| monitoring | grafana-admin | admin-password, admin-user |");
  }

  /** The fenced bash block of SECRETS.md that creates the Secrets (the one before it sets the variables). */
  private static String secretsScript() {
    String md = FILES.text("SECRETS.md");
    int start = md.indexOf("```bash\n(\n") + 8;
    return md.substring(start, md.indexOf("```", start));
  }

  @Test
  void should_create_every_namespace_before_any_secret_and_every_secret_from_a_variable() {
    String md = FILES.text("SECRETS.md");
    String script = secretsScript();
    List<String> lines = script.lines().toList();
    int lastNamespace = -1;
    int firstSecret = Integer.MAX_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("kubectl get namespace ")) {
        lastNamespace = i;
      } else if (lines.get(i).contains(" create secret generic ")) {
        firstSecret = Math.min(firstSecret, i);
      }
    }
    assertThat(lastNamespace).isLessThan(firstSecret);
    // every Secret of the table, in its namespace, and one variable for the copies of one Secret
    // created when missing, never applied: a rerun must not drop the labels the manifests own
    assertThat(script).contains("kubectl get namespace crowdsec >/dev/null 2>&1 || kubectl create namespace crowdsec\n")
        .doesNotContain("create namespace crowdsec --dry-run")
        .contains(": \"${SECRET_NEXTCLOUD_DB_PASSWORD:?is empty: set it first}\"\n")
        .contains("kubectl -n traefik create secret generic crowdsec-bouncer-traefik \\\n"
            + "  --from-file=key=<(printf %s \"$SECRET_CROWDSEC_BOUNCER_TRAEFIK_KEY\")")
        .contains("kubectl -n crowdsec create secret generic crowdsec-bouncer-traefik \\\n"
            + "  --from-file=key=<(printf %s \"$SECRET_CROWDSEC_BOUNCER_TRAEFIK_KEY\")")
        .contains("kubectl -n arc-runners create secret generic github-runners \\\n"
            + "  --from-file=github_token=<(printf %s \"$SECRET_GITHUB_RUNNERS_GITHUB_TOKEN\")")
        .doesNotContain("--from-literal");
    long secrets = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| namespace") && !l.startsWith("| ---")).count();
    assertThat(lines.stream().filter(l -> l.contains(" create secret generic ")).count()).isEqualTo(secrets);
  }

  @Test
  void should_create_no_secret_when_the_variables_block_was_pasted_unedited(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String md = FILES.text("SECRETS.md");
    int first = md.indexOf("```bash\n") + 8;
    String variables = md.substring(first, md.indexOf("```", first));
    assertThat(variables).startsWith("export SECRET_").doesNotContain("...");
    java.nio.file.Path kubectl = dir.resolve("kubectl");
    java.nio.file.Files.writeString(kubectl, "#!/bin/sh\necho \"$*\" >> \"$LOG\"\n");
    kubectl.toFile().setExecutable(true);
    // both blocks pasted into one interactive shell, the first one as it is rendered
    Process bash = new ProcessBuilder("bash", "-i").redirectErrorStream(true).start();
    bash.getOutputStream().write(("export PATH=" + dir + ":$PATH LOG=" + dir.resolve("log") + "\n" + variables + secretsScript() + "exit 0\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bash.getOutputStream().close();
    String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    bash.waitFor();

    assertThat(output).contains("is empty: set it first");
    assertThat(dir.resolve("log")).doesNotExist();
  }

  @Test
  void should_give_bash_a_secrets_script_it_can_parse() throws Exception {
    String script = secretsScript();
    Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
    bash.getOutputStream().write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bash.getOutputStream().close();
    String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(bash.waitFor()).as(output).isZero();
  }

  private static JsonNode policy(String namespace, String name) {
    return OUT.kind("NetworkPolicy").stream()
        .filter(p -> Rendered.namespace(p).equals(namespace) && Rendered.name(p).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy " + namespace + "/" + name));
  }
}
