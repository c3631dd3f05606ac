package dev.homelab.github;

import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.infra.DnsZone;
import dev.homelab.model.network.Exposure;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inputs of the Terraform module, derived from the model with the same conventions the
 * Terraform backend uses (backends never import each other): a sensitive variable per
 * {@link SecretRef#variableStem()}, a zone-id variable per zone in use (by a public app or by the
 * WireGuard endpoint), {@code public_ip} when the
 * public address is not fixed. Each becomes a {@code TF_VAR_*} read from a repository secret (or,
 * for ids, a repository variable) of the upper-cased name.
 */
final class TerraformInputs {
  /** TF_VAR name -> GitHub expression. */
  private final Map<String, Object> env = new TreeMap<>();
  /** Secret name -> what it holds. */
  private final Map<String, String> secrets = new TreeMap<>();
  /** Repository variable name -> what it holds. */
  private final Map<String, String> variables = new TreeMap<>();
  private final Map<String, Object> backendEnv = new TreeMap<>();
  private boolean publicIp;
  private boolean anything;

  TerraformInputs(Lab lab) {
    boolean records = false;
    if (lab.dns().isPresent()) {
      for (App app : lab.apps()) {
        if (app.exposure() != Exposure.PUBLIC) {
          continue;
        }
        Optional<DnsZone> zone = lab.zoneOf(lab.fqdn(app.host()));
        if (zone.isPresent()) {
          records = true;
          zoneId(zone.get());
        }
      }
      // The WireGuard endpoint's record: a host name (default vpn.<domain>) in a managed zone.
      Optional<DnsZone> vpnZone = lab.vpn()
          .flatMap(vpn -> vpn.endpoint().or(() -> lab.domain().map(d -> "vpn." + d)))
          .filter(e -> !Ipv4.isAddress(e))
          .flatMap(lab::zoneOf);
      if (vpnZone.isPresent()) {
        records = true;
        zoneId(vpnZone.get());
      }
    }
    if (records) {
      secret(lab.dns().get().apiToken(), "Cloudflare API token (" + dev.homelab.model.infra.Dns.TOKEN_PERMISSIONS + ")");
      publicIp = lab.dns().get().publicAddress().isEmpty();
    }
    for (S3Target t : lab.backups()) {
      if (t.managedByTerraform()) {
        secret(t.accessKeyId(), "access key id of S3 target " + t.name());
        secret(t.secretAccessKey(), "secret access key of S3 target " + t.name());
      }
    }
    anything = records || !secrets.isEmpty();
    lab.terraformState().flatMap(s -> lab.s3Target(s.s3Target())).ifPresent(t -> {
      secrets.putIfAbsent(upper(t.accessKeyId().variableStem()), "access key id of S3 target " + t.name() + " (" + t.accessKeyId() + ")");
      secrets.putIfAbsent(upper(t.secretAccessKey().variableStem()), "secret access key of S3 target " + t.name() + " (" + t.secretAccessKey() + ")");
      backendEnv.put("AWS_ACCESS_KEY_ID", WorkflowYaml.expression("secrets." + upper(t.accessKeyId().variableStem())));
      backendEnv.put("AWS_SECRET_ACCESS_KEY", WorkflowYaml.expression("secrets." + upper(t.secretAccessKey().variableStem())));
    });
  }

  private void zoneId(DnsZone zone) {
    String stem = zone.zoneIdVariable().variableStem();
    variables.put(upper(stem), "Cloudflare zone id of " + zone.zone());
    env.put("TF_VAR_" + stem, WorkflowYaml.expression("vars." + upper(stem)));
  }

  private void secret(SecretRef ref, String what) {
    String stem = ref.variableStem();
    secrets.put(upper(stem), what + " (" + ref + ")");
    env.put("TF_VAR_" + stem, WorkflowYaml.expression("secrets." + upper(stem)));
  }

  static String upper(String stem) {
    return stem.toUpperCase(Locale.ROOT);
  }

  /** Whether the module has resources at all. */
  boolean hasResources() {
    return anything;
  }

  /** Whether state is remote: an ephemeral runner cannot keep local state between runs. */
  boolean hasRemoteState() {
    return !backendEnv.isEmpty();
  }

  boolean needsPublicIp() {
    return publicIp;
  }

  Map<String, Object> env() {
    return env;
  }

  Map<String, Object> backendEnv() {
    return backendEnv;
  }

  Map<String, String> secrets() {
    return secrets;
  }

  Map<String, String> variables() {
    return variables;
  }
}
