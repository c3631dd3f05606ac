package dev.homelab.terraform;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.offsite;
import static dev.homelab.fixtures.TestLabs.webWithoutDns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.network.Traefik;
import dev.homelab.fixtures.Golden;
import dev.homelab.validation.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TerraformBackend backend = new TerraformBackend();
  private static final Traefik TRAEFIK = traefik();
  private static final S3Target OFFSITE = offsite()
      .region("eu-central-003")
      .retention(keep().daily(14).weekly(8).monthly(6));

  /** A valid lab with nothing for Terraform; tests add DNS, apps and targets. */
  static Lab base() {
    // Public apps need TLS and CrowdSec in front of them; neither changes the Terraform output.
    return webWithoutDns("lab");
  }

  static Lab full() {
    return base()
        .backups(OFFSITE)
        .apps(
            app("nextcloud", "nextcloud:31.0.8-apache").port(80).host("cloud").publicVia(TRAEFIK)
                // a public Nextcloud must install itself (validation); Terraform only sees its host
                .env("NEXTCLOUD_ADMIN_USER", secret("nextcloud-admin", "user"))
                .env("NEXTCLOUD_ADMIN_PASSWORD", secret("nextcloud-admin", "password"))
                .env("SQLITE_DATABASE", "nextcloud"),
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).proxied(),
            app("jellyfin", "jellyfin/jellyfin:10.10.7").host("media").internalVia(TRAEFIK),
            app("worker", "ghcr.io/example/worker:2.0.1"))
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")))
        .dns(cloudflare("example.com"))
        .terraformState(terraformState(OFFSITE))
        .validate();
  }

  static Lab severalZones() {
    return base()
        .apps(
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK),
            app("shop", "ghcr.io/example/shop:1.0.0").host("example.org").publicVia(TRAEFIK).proxied(),
            app("docs", "ghcr.io/example/docs:1.0.0").host("docs.dev.example.com").publicVia(TRAEFIK),
            app("api", "ghcr.io/example/api:1.0.0").host("api.v2.example.org").publicVia(TRAEFIK))
        .dns(cloudflare("example.com", "example.org").zone(zone("dev.example.com").ttl(300)).publicAddress("203.0.113.7"))
        .validate();
  }

  @Test
  void should_match_the_golden_files_of_a_lab_with_dns_buckets_and_remote_state() {
    Golden.assertMatches("full", backend.render(full()));
  }

  @Test
  void should_match_the_golden_files_of_a_lab_with_several_zones() {
    Golden.assertMatches("several-zones", backend.render(severalZones()));
  }

  @Test
  void should_put_each_host_in_its_longest_matching_zone() {
    JsonNode records = json(backend.render(severalZones()), "dns.tf.json").at("/resource/cloudflare_dns_record");

    assertThat(records.at("/blog/zone_id").asText()).isEqualTo("${var.cloudflare_zone_example_com_zone_id}");
    assertThat(records.at("/shop/zone_id").asText()).isEqualTo("${var.cloudflare_zone_example_org_zone_id}");
    assertThat(records.at("/docs/zone_id").asText()).isEqualTo("${var.cloudflare_zone_dev_example_com_zone_id}");
    assertThat(records.at("/docs/ttl").asInt()).isEqualTo(300);
    assertThat(records.at("/api/zone_id").asText()).isEqualTo("${var.cloudflare_zone_example_org_zone_id}");
    assertThat(records.at("/api/ttl").asInt()).isEqualTo(1);
  }

  @Test
  void should_name_every_record_fully_qualified_and_the_apex_by_the_zone_name() {
    // The v5 provider stores the FQDN the API returns; a relative name would show a diff on every plan.
    JsonNode records = json(backend.render(severalZones()), "dns.tf.json").at("/resource/cloudflare_dns_record");

    assertThat(records.at("/blog/name").asText()).isEqualTo("blog.example.com");
    assertThat(records.at("/shop/name").asText()).isEqualTo("example.org");
    assertThat(records.at("/docs/name").asText()).isEqualTo("docs.dev.example.com");
    assertThat(records.at("/api/name").asText()).isEqualTo("api.v2.example.org");
    records.forEach(r -> assertThat(r.at("/name").asText()).isNotEqualTo("@"));
  }

  @Test
  void should_declare_one_zone_id_variable_per_zone_in_use() {
    JsonNode vars = json(backend.render(severalZones()), "variables.tf.json").at("/variable");

    assertThat(names(vars)).containsExactly(
        "cloudflare_api_token_token",
        "cloudflare_zone_dev_example_com_zone_id",
        "cloudflare_zone_example_com_zone_id",
        "cloudflare_zone_example_org_zone_id");
  }

  @Test
  void should_follow_the_model_for_proxied_and_the_public_address() {
    JsonNode records = json(backend.render(severalZones()), "dns.tf.json").at("/resource/cloudflare_dns_record");

    assertThat(records.at("/shop/proxied").asBoolean()).isTrue();
    assertThat(records.at("/blog/proxied").asBoolean()).isFalse();
    assertThat(records.at("/blog/type").asText()).isEqualTo("A");
    assertThat(records.at("/blog/content").asText()).isEqualTo("203.0.113.7");
  }

  @Test
  void should_point_records_at_the_public_ip_variable_when_the_address_is_not_fixed() {
    RenderedFiles files = backend.render(full());

    assertThat(json(files, "dns.tf.json").at("/resource/cloudflare_dns_record/blog/content").asText()).isEqualTo("${var.public_ip}");
    assertThat(json(files, "variables.tf.json").at("/variable/public_ip/sensitive").isMissingNode()).isTrue();
  }

  @Test
  void should_point_records_at_a_dynamic_dns_host_name_with_cname() {
    Lab lab = base().apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK))
        .dns(cloudflare("example.com").publicAddress("home.dyndns.example.net"));

    JsonNode blog = json(backend.render(lab), "dns.tf.json").at("/resource/cloudflare_dns_record/blog");

    assertThat(blog.at("/type").asText()).isEqualTo("CNAME");
    assertThat(blog.at("/content").asText()).isEqualTo("home.dyndns.example.net");
  }

  @Test
  void should_point_the_default_vpn_endpoint_at_the_public_address_never_proxied() {
    RenderedFiles files = backend.render(full());

    JsonNode vpn = json(files, "dns.tf.json").at("/resource/cloudflare_dns_record/vpn");
    assertThat(vpn.at("/~1~1").asText()).isEqualTo("homelab/vpn: vpn.example.com");
    assertThat(vpn.at("/name").asText()).isEqualTo("vpn.example.com");
    assertThat(vpn.at("/zone_id").asText()).isEqualTo("${var.cloudflare_zone_example_com_zone_id}");
    assertThat(vpn.at("/type").asText()).isEqualTo("A");
    assertThat(vpn.at("/content").asText()).isEqualTo("${var.public_ip}");
    assertThat(vpn.at("/proxied").isBoolean()).isTrue();
    assertThat(vpn.at("/proxied").asBoolean()).isFalse();
    assertThat(json(files, "outputs.tf.json").at("/output/dns_record_ids/value/vpn.example.com").asText())
        .isEqualTo("${cloudflare_dns_record.vpn.id}");
  }

  @Test
  void should_render_the_vpn_record_alone_in_its_zone_with_the_zone_ttl_even_without_public_apps() {
    Lab lab = base()
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("wg.home.example.org"))
        .dns(cloudflare("example.com").zone(zone("home.example.org").ttl(120)).publicAddress("home.dyndns.example.net"));

    RenderedFiles files = backend.render(lab);

    JsonNode records = json(files, "dns.tf.json").at("/resource/cloudflare_dns_record");
    assertThat(names(records)).containsExactly("vpn");
    assertThat(records.at("/vpn/name").asText()).isEqualTo("wg.home.example.org");
    assertThat(records.at("/vpn/zone_id").asText()).isEqualTo("${var.cloudflare_zone_home_example_org_zone_id}");
    assertThat(records.at("/vpn/ttl").asInt()).isEqualTo(120);
    assertThat(records.at("/vpn/type").asText()).isEqualTo("CNAME");
    assertThat(records.at("/vpn/content").asText()).isEqualTo("home.dyndns.example.net");
    assertThat(records.at("/vpn/proxied").asBoolean()).isFalse();
    assertThat(names(json(files, "variables.tf.json").at("/variable")))
        .containsExactly("cloudflare_api_token_token", "cloudflare_zone_home_example_org_zone_id");
  }

  @Test
  void should_render_no_vpn_record_for_an_ip_endpoint_or_one_outside_every_zone() {
    for (String endpoint : List.of("203.0.113.7", "vpn.example.net")) {
      Lab lab = base()
          .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK))
          .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint(endpoint))
          .dns(cloudflare("example.com"));

      JsonNode records = json(backend.render(lab), "dns.tf.json").at("/resource/cloudflare_dns_record");

      assertThat(names(records)).as(endpoint).containsExactly("blog");
    }
  }

  @Test
  void should_not_clash_with_the_record_of_an_app_called_vpn() {
    Lab lab = base()
        .apps(app("vpn", "ghcr.io/example/vpn-portal:1.0.0").host("portal").publicVia(TRAEFIK).proxied())
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")))
        .dns(cloudflare("example.com"));

    JsonNode records = json(backend.render(lab), "dns.tf.json").at("/resource/cloudflare_dns_record");

    assertThat(records.at("/vpn/name").asText()).isEqualTo("portal.example.com");
    assertThat(records.at("/vpn_2/name").asText()).isEqualTo("vpn.example.com");
    assertThat(records.at("/vpn_2/proxied").asBoolean()).isFalse();
  }

  @Test
  void should_reject_a_vpn_endpoint_that_is_also_a_public_app_host() {
    Lab lab = base()
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").host("vpn").publicVia(TRAEFIK))
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")))
        .dns(cloudflare("example.com"));

    assertThatThrownBy(() -> backend.render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\n"
            + "homelab/vpn: WireGuard endpoint vpn.example.com is also the public host of app blog. "
            + "Give the app another .host(...) or the VPN another .endpoint(...)");
  }

  @Test
  void should_render_no_dns_resource_and_no_cloudflare_provider_without_public_apps() {
    Lab lab = base()
        .backups(OFFSITE)
        .apps(app("jellyfin", "jellyfin/jellyfin:10.10.7").internalVia(TRAEFIK))
        .dns(cloudflare("example.com"));

    RenderedFiles files = backend.render(lab);

    assertThat(files.files()).doesNotContainKey("dns.tf.json");
    assertThat(files.text("versions.tf.json")).doesNotContain("cloudflare");
    assertThat(files.text("variables.tf.json")).doesNotContain("cloudflare").doesNotContain("public_ip");
    assertThat(files.text("outputs.tf.json")).doesNotContain("dns_record_ids");
    assertThat(files.files().keySet()).containsExactly(
        ".gitignore", "README.md", "buckets.tf.json", "outputs.tf.json", "variables.tf.json", "versions.tf.json");
  }

  @Test
  void should_keep_terraforms_working_files_saved_plans_and_variable_files_out_of_the_repository_but_not_the_lock_file() {
    String gitignore = backend.render(full()).text(".gitignore");

    assertThat(gitignore.lines().filter(l -> !l.startsWith("#")))
        .containsExactly(".terraform/", "tfplan", "*.tfstate", "*.tfstate.*", "crash.log", "*.tfvars", "*.tfvars.json");
    assertThat(gitignore).doesNotContain(".terraform.lock.hcl");
  }

  @Test
  void should_render_no_file_when_terraform_manages_nothing() {
    Lab lab = base()
        .backups(OFFSITE.existingBucket())
        .apps(app("jellyfin", "jellyfin/jellyfin:10.10.7").internalVia(TRAEFIK));

    assertThat(backend.render(lab).files()).isEmpty();
  }

  @Test
  void should_leave_existing_buckets_alone() {
    S3Target existing = s3("archive", "https://s3.wasabisys.com", "old-archive").existingBucket();
    Lab lab = base().backups(OFFSITE, existing);

    String buckets = backend.render(lab).text("buckets.tf.json");

    assertThat(buckets).contains("example-homelab-backups").doesNotContain("old-archive").doesNotContain("archive");
  }

  @Test
  void should_leave_lifecycle_rules_out_of_terraform_because_s3_compatible_stores_never_converge() {
    JsonNode resources = json(backend.render(full()), "buckets.tf.json").at("/resource");

    assertThat(resources.has("aws_s3_bucket_lifecycle_configuration")).isFalse();
    assertThat(resources.has("aws_s3_bucket_versioning")).isTrue();
  }

  @Test
  void should_give_the_s3_command_that_expires_only_old_versions_after_the_retention() {
    String readme = backend.render(full()).text("README.md");

    // Expiring current objects by age would delete restic packs that newer snapshots still use.
    assertThat(readme).contains("## Retention (once, after the first apply)")
        .contains("- `example-homelab-backups` (S3 target `offsite`): old versions go after 186 days, "
            + "unfinished uploads after 7 days, current objects never; with the AWS CLI")
        .contains("aws s3api put-bucket-lifecycle-configuration --endpoint-url https://s3.example.net --region eu-central-003 "
            + "--bucket example-homelab-backups --lifecycle-configuration '{\"Rules\":[{\"ID\":\"homelab-retention\","
            + "\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"\"},\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":7},"
            + "\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":186}}]}'")
        .doesNotContain("\"Expiration\"");
  }

  @Test
  void should_set_a_backblaze_bucket_retention_with_the_b2_command_line() {
    S3Target b2 = s3("offsite", "https://s3.eu-central-003.backblazeb2.com", "lab-backups").retention(keep().daily(30));
    Lab lab = base().backups(b2);

    String readme = backend.render(lab).text("README.md");

    assertThat(readme).contains("b2 bucket update --lifecycle-rule '{\"fileNamePrefix\":\"\",\"daysFromHidingToDeleting\":30,"
        + "\"daysFromUploadingToHiding\":null,\"daysFromStartingToCancelingUnfinishedLargeFiles\":7}' lab-backups allPrivate")
        .doesNotContain("aws s3api");
  }

  @Test
  void should_not_ask_backblaze_to_version_a_bucket_it_always_versions() {
    S3Target b2 = s3("offsite", "https://s3.eu-central-003.backblazeb2.com", "lab-backups").retention(keep().daily(30));

    JsonNode resources = json(backend.render(base().backups(b2)), "buckets.tf.json").at("/resource");

    assertThat(resources.has("aws_s3_bucket")).isTrue();
    assertThat(resources.has("aws_s3_bucket_versioning")).isFalse();
    // old versions still go after the retention: the README's b2 command sets that
    assertThat(backend.render(base().backups(b2)).text("README.md")).contains("\"daysFromHidingToDeleting\":30");
  }

  @Test
  void should_clean_only_unfinished_uploads_of_an_unversioned_target() {
    Lab lab = base().backups(OFFSITE.withoutVersioning().retention(keep().daily(7)));

    RenderedFiles files = backend.render(lab);

    assertThat(json(files, "buckets.tf.json").at("/resource").has("aws_s3_bucket_versioning")).isFalse();
    assertThat(files.text("README.md")).contains("unfinished uploads after 7 days, current objects never")
        .doesNotContain("NoncurrentVersionExpiration").doesNotContain("old versions go");
  }

  @Test
  void should_delete_hidden_versions_after_a_day_on_backblaze_when_the_target_is_unversioned() {
    // B2 keeps every version whatever the bucket says; a day is as close to unversioned as it gets.
    S3Target b2 = s3("offsite", "https://s3.us-west-004.backblazeb2.com", "lab-backups").withoutVersioning();

    String readme = backend.render(base().backups(b2)).text("README.md");

    assertThat(readme).contains("old versions go after 1 day,").contains("\"daysFromHidingToDeleting\":1,");
  }

  @Test
  void should_configure_one_aliased_path_style_aws_provider_per_target() {
    S3Target minio = s3("minio", "http://192.168.1.30:9000", "lab-minio");
    Lab lab = base().backups(OFFSITE, minio);

    JsonNode doc = json(backend.render(lab), "buckets.tf.json");

    JsonNode aws = doc.at("/provider/aws");
    assertThat(aws.size()).isEqualTo(2);
    assertThat(aws.get(1).at("/alias").asText()).isEqualTo("minio");
    assertThat(aws.get(1).at("/endpoints/s3").asText()).isEqualTo("http://192.168.1.30:9000");
    assertThat(aws.get(1).at("/s3_use_path_style").asBoolean()).isTrue();
    assertThat(aws.get(1).at("/skip_requesting_account_id").asBoolean()).isTrue();
    assertThat(doc.at("/resource/aws_s3_bucket/minio/provider").asText()).isEqualTo("aws.minio");
  }

  @Test
  void should_mark_every_credential_sensitive_and_give_no_variable_a_default() {
    JsonNode vars = json(backend.render(full()), "variables.tf.json").at("/variable");

    for (String name : List.of("cloudflare_api_token_token", "s3_offsite_access_key_id", "s3_offsite_secret_access_key")) {
      assertThat(vars.at("/" + name + "/sensitive").asBoolean()).as(name).isTrue();
    }
    vars.forEach(v -> assertThat(v.has("default")).isFalse());
  }

  @Test
  void should_pass_credentials_only_as_variable_references() {
    RenderedFiles files = backend.render(full());

    assertThat(json(files, "dns.tf.json").at("/provider/cloudflare/api_token").asText())
        .isEqualTo("${var.cloudflare_api_token_token}");
    JsonNode aws = json(files, "buckets.tf.json").at("/provider/aws/0");
    assertThat(aws.at("/access_key").asText()).isEqualTo("${var.s3_offsite_access_key_id}");
    assertThat(aws.at("/secret_key").asText()).isEqualTo("${var.s3_offsite_secret_access_key}");
    assertThat(files.text("backend.tf.json")).doesNotContain("access_key").doesNotContain("secret_key");
  }

  @Test
  void should_keep_state_in_the_named_target_with_s3_compatible_flags() {
    JsonNode s3 = json(backend.render(full()), "backend.tf.json").at("/terraform/backend/s3");

    assertThat(s3.at("/bucket").asText()).isEqualTo("example-homelab-backups");
    assertThat(s3.at("/key").asText()).isEqualTo("terraform/homelab.tfstate");
    assertThat(s3.at("/endpoints/s3").asText()).isEqualTo("https://s3.example.net");
    for (String flag : List.of("use_path_style", "skip_credentials_validation", "skip_region_validation",
        "skip_requesting_account_id", "skip_metadata_api_check", "skip_s3_checksum")) {
      assertThat(s3.at("/" + flag).asBoolean()).as(flag).isTrue();
    }
  }

  @Test
  void should_require_the_terraform_release_that_honours_skip_s3_checksum() {
    JsonNode terraform = json(backend.render(full()), "versions.tf.json").at("/terraform");

    assertThat(terraform.at("/required_version").asText()).isEqualTo(">= 1.6.3");
  }

  @Test
  void should_tell_local_runs_to_send_s3_checksums_only_when_required_and_that_state_has_no_lock() {
    String readme = backend.render(full()).text("README.md");

    assertThat(readme)
        .contains("stock Terraform 1.6.3+")
        .contains("export AWS_REQUEST_CHECKSUM_CALCULATION=when_required")
        .contains("export AWS_RESPONSE_CHECKSUM_VALIDATION=when_required")
        .contains("**No state lock.**")
        .contains("`use_lockfile: true` (Terraform 1.10+)")
        .contains("Never run `plan`/`apply` locally while the deploy workflow runs");
    // A lock file needs conditional writes, which not every S3-compatible store has: it stays off.
    assertThat(backend.render(full()).text("backend.tf.json")).doesNotContain("use_lockfile");
  }

  @Test
  void should_not_mention_s3_checksums_without_buckets_or_remote_state() {
    assertThat(backend.render(severalZones()).text("README.md")).doesNotContain("AWS_REQUEST_CHECKSUM_CALCULATION");
  }

  @Test
  void should_render_no_backend_file_without_terraform_state() {
    assertThat(backend.render(severalZones()).files()).doesNotContainKey("backend.tf.json");
  }

  @Test
  void should_pin_every_provider_with_its_source() {
    JsonNode providers = json(backend.render(full()), "versions.tf.json").at("/terraform/required_providers");

    assertThat(providers.at("/cloudflare/source").asText()).isEqualTo("cloudflare/cloudflare");
    assertThat(providers.at("/cloudflare/version").asText()).isEqualTo("~> 5.14");
    assertThat(providers.at("/aws/source").asText()).isEqualTo("hashicorp/aws");
    assertThat(providers.at("/aws/version").asText()).isEqualTo("~> 6.25");
  }

  @Test
  void should_comment_every_resource_with_the_model_path_that_produced_it() {
    RenderedFiles files = backend.render(full());

    for (String file : List.of("dns.tf.json", "buckets.tf.json")) {
      json(files, file).at("/resource").forEach(byType -> byType.forEach(body ->
          assertThat(body.at("/~1~1").asText()).startsWith("homelab/")));
    }
    assertThat(json(files, "dns.tf.json").at("/resource/cloudflare_dns_record/nextcloud/~1~1").asText())
        .isEqualTo("homelab/apps/nextcloud: cloud.example.com");
  }

  @Test
  void should_render_the_same_bytes_twice() {
    Golden.assertDeterministic(() -> backend.render(full()));
  }

  @Test
  void should_tell_in_the_readme_which_variables_to_export_and_how_to_bootstrap_the_state() {
    String readme = backend.render(full()).text("README.md");

    assertThat(readme)
        .contains("export TF_VAR_cloudflare_api_token_token=...")
        .contains("export TF_VAR_s3_offsite_secret_access_key=...")
        .contains("export AWS_ACCESS_KEY_ID=...   # secret(s3-offsite/access-key-id)")
        .contains("terraform init -migrate-state")
        .contains("terraform apply tfplan");
  }

  @Test
  void should_refuse_to_render_a_public_host_outside_every_zone_with_the_models_line() {
    Lab lab = base()
        .apps(app("shop", "ghcr.io/example/shop:1.0.0").host("shop.example.net").publicVia(TRAEFIK))
        .dns(cloudflare("example.com"));

    assertThatThrownBy(() -> backend.render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\n"
            + "homelab/apps/shop: public host shop.example.net is in no managed DNS zone. "
            + "Add .zone(zone(\"example.net\")) to homelab.dns(...), or give the app a .host(...) in a managed zone");
    assertThat(backend.check(lab)).as("the model's check reports it").isEmpty();
  }

  @Test
  void should_report_its_problems_together_with_the_model_problems_before_rendering() {
    Lab lab = base()
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").host("vpn").publicVia(TRAEFIK))
        .vpn(wireguard("10.8.0.0/24").gateway(node("pi1")))
        .dns(cloudflare("example.com"))
        .cluster(k3s("1.33"));

    assertThatThrownBy(() -> dev.homelab.backend.Renderer.using(backend).render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 problems in the homelab model:\n"
            + "homelab/cluster: version '1.33' is not a k3s release like v1.33.4+k3s1. Use a tag from https://github.com/k3s-io/k3s/releases\n"
            + "homelab/vpn: WireGuard endpoint vpn.example.com is also the public host of app blog. "
            + "Give the app another .host(...) or the VPN another .endpoint(...)");
  }

  @Test
  void should_refuse_to_render_state_in_an_s3_target_that_does_not_exist_with_the_models_line() {
    Lab lab = base().backups(OFFSITE).terraformState(terraformState(s3("elsewhere", "https://s3.example.net", "x")));

    assertThatThrownBy(() -> backend.render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\n"
            + "homelab/terraformState: Terraform state target elsewhere is not defined. "
            + "Add it with homelab.backups(s3(\"elsewhere\", endpoint, bucket))");
    assertThat(backend.check(lab)).as("the model's check reports it").isEmpty();
  }

  @Test
  void should_write_every_tf_json_file_as_json_with_a_header_comment() {
    backend.render(full()).files().keySet().stream().filter(p -> p.endsWith(".tf.json")).forEach(p ->
        assertThat(json(backend.render(full()), p).at("/~1~1").asText()).startsWith("Rendered by homelab DSL"));
  }

  private static JsonNode json(RenderedFiles files, String path) {
    try {
      return JSON.readTree(files.text(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void should_build_the_module_once_per_render_for_check_render_and_bring_up() {
    Lab lab = base();
    java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
    Part counting = (l, module, problems) -> builds.incrementAndGet();
    TerraformBackend counted = new TerraformBackend(java.util.List.of(counting));

    dev.homelab.internal.RenderScope.of(lab, () -> {
      counted.check(lab);
      counted.render(lab);
      return counted.bringUp(lab);
    });
    assertThat(builds).as("inside one render").hasValue(1);

    counted.check(lab);
    counted.render(lab);
    assertThat(builds).as("outside a render, every call builds").hasValue(3);
  }
}
