package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.monitoring.AlertReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameAndSecretRulesTest {

  @Test
  void should_reject_a_name_that_is_not_dns_1123() {
    Expect.only(minimal().apps(app("My_Wiki", "ghcr.io/example/wiki:1.0.0")), Checks.DNS_NAME,
        "homelab/apps/My_Wiki: app name 'My_Wiki' is not a DNS-1123 label (lower case letters, digits and '-', at most 63). Rename it, e.g. 'my-wiki'");
  }

  @Test
  void should_reject_an_app_name_that_starts_with_a_digit_as_it_names_a_service() {
    Expect.only(minimal().apps(app("2fauth", "ghcr.io/example/2fauth:1.0.0")), Checks.SERVICE_NAME,
        "homelab/apps/2fauth: app name '2fauth' starts with a digit, but it also names a Service, which starts with a letter (DNS-1035 label). "
            + "Rename it, e.g. 'app-2fauth'");
  }

  @Test
  void should_reject_a_data_service_name_that_starts_with_a_digit() {
    Expect.only(minimal().dataServices(postgres("1pg")), Checks.SERVICE_NAME,
        "homelab/dataServices/1pg: data service name '1pg' starts with a digit, but it also names a Service, which starts with a letter (DNS-1035 label). "
            + "Rename it, e.g. 'postgres-1pg'");
  }

  @Test
  void should_reject_an_invalid_runner_scale_set_name() {
    Expect.only(minimal().github(github("example/homelab").runners(runners("Home Runners"))), Checks.DNS_NAME,
        "homelab/github: runner scale set name 'Home Runners' is not a DNS-1123 label (lower case letters, digits and '-', at most 63). "
            + "Rename it, e.g. 'home-runners'");
  }

  @Test
  void should_reject_two_nodes_with_one_name() {
    Expect.only(minimal().nodes(node("pi1").arm64()), Checks.UNIQUE_NAMES,
        "homelab/nodes/pi1: two nodes are called pi1. Give each node its own name");
  }

  @Test
  void should_reject_an_app_named_like_a_data_service() {
    Expect.only(minimal().dataServices(redis("redis")).apps(app("redis", "ghcr.io/example/redis-ui:1.0.0")), Checks.UNIQUE_NAMES,
        "homelab/apps/redis: app and data service share the name redis (both get a namespace of that name). Rename the app or the data service");
  }

  @Test
  void should_reject_a_secret_name_that_is_not_dns_1123() {
    Expect.only(minimal().apps(app("wiki", "ghcr.io/example/wiki:1.0.0").env("DB_PASSWORD", secret("Wiki_DB", "password"))),
        Checks.SECRET_NAME,
        "homelab/apps/wiki: secret name 'Wiki_DB' is not a DNS-1123 subdomain. Rename it, e.g. 'wiki-db'");
  }

  @Test
  void should_reject_an_invalid_secret_key() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").token(secret("k3s-token", "the token"))), Checks.SECRET_NAME,
        "homelab/cluster: key 'the token' of secret k3s-token is not a valid Secret key. Use letters, digits, '-', '_' and '.'");
  }

  @Test
  void should_reject_an_invalid_secret_store() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").token(secret("k3s-token", "token").inStore("Vault Store"))), Checks.SECRET_NAME,
        "homelab/cluster: secret store 'Vault Store' is not a DNS-1123 subdomain. Rename it, e.g. 'vault-store'");
  }

  @Test
  void should_reject_an_invalid_s3_credentials_secret() {
    Expect.only(minimal().backups(offsite().credentials("S3 keys")), Checks.SECRET_NAME,
        "homelab/backups/offsite: secret name 'S3 keys' is not a DNS-1123 subdomain. Rename it, e.g. 's3-keys'");
  }

  @Test
  void should_reject_a_malformed_github_repository() {
    Expect.only(minimal().github(github("homelab").runners(runners("homelab-runners"))), Checks.GITHUB_REPOSITORY,
        "homelab/github: repository 'homelab' is not owner/name. Call github(\"owner/homelab\")");
  }

  @Test
  void should_reject_runners_scaling_backwards() {
    Expect.only(minimal().github(github("example/homelab").runners(runners("homelab-runners").scale(3, 1))), Checks.RUNNERS_SCALE,
        "homelab/github: runners scale from 3 to 1, which is not 0 <= min <= max, max >= 1. Call runners(\"homelab-runners\").scale(0, 3)");
  }

  @Test
  void should_reject_a_blank_runner_group() {
    Expect.only(minimal().github(github("example/homelab").runners(runners("homelab-runners").runnerGroup(" "))), Checks.RUNNERS_GROUP,
        "homelab/github: runner group ' ' is not a name the runner chart can carry (letters, digits, spaces, '.', '_' and '-', "
            + "not a number or a YAML boolean). Name the group so in the organization's settings and call .runnerGroup(\"homelab-deploy\")");
  }

  @Test
  void should_reject_runner_group_names_the_chart_would_cut_or_retype() {
    for (String name : List.of("deploy #2", "yes", "123", "prod: main")) {
      assertThat(Expect.problems(minimal().github(github("example/homelab").runners(runners("r").runnerGroup(name)))))
          .as(name).extracting(Problem::check).containsExactly(Checks.RUNNERS_GROUP);
    }
    Expect.none(minimal().github(github("example/homelab").runners(runners("r").runnerGroup("Deploy runners"))));
  }

  @Test
  void should_reject_a_malformed_prometheus_retention() {
    Expect.only(minimal().monitoring(monitoring().retention("2 weeks")), Checks.PROMETHEUS_RETENTION,
        "homelab/monitoring: Prometheus retention '2 weeks' is not a duration like 15d. Call .retention(\"15d\")");
  }

  @Test
  void should_reject_two_alert_receivers_with_one_name() {
    Expect.only(minimal().monitoring(monitoring()
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url"))
            .receiver("ops", AlertReceiver.Kind.SLACK, secret("alertmanager-slack", "url"))), Checks.RECEIVER_UNIQUE,
        "homelab/monitoring: two alert receivers are called ops. Give each .receiver(...) its own name");
  }
}
