package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostDatabaseRulesTest {
  private static final String IMAGE = "ghcr.io/example/app:1.0.0";
  private static final Node DB = nuc().postgres(hostPostgres("15"));

  @Test
  void should_accept_an_app_on_a_node_with_host_postgres() {
    Expect.none(minimal().nodes(DB).apps(app("recipes", IMAGE).uses(postgresOn(DB))));
  }

  @Test
  void should_reject_a_node_without_host_postgres() {
    Node bare = nuc();
    Expect.only(minimal().nodes(bare).apps(app("recipes", IMAGE).uses(postgresOn(bare))), Checks.HOST_POSTGRES_PRESENT,
        "homelab/apps/recipes: uses(postgresOn(nuc)) but node nuc has no host PostgreSQL. "
            + "Call .postgres(hostPostgres(\"15\")) on node nuc, or use a node that has one");
  }

  @Test
  void should_reject_a_node_that_is_not_in_the_lab() {
    Expect.only(minimal().apps(app("recipes", IMAGE).uses(postgresOn(DB))), Checks.HOST_POSTGRES_PRESENT,
        "homelab/apps/recipes: uses(postgresOn(nuc)) names node nuc, which is not in the lab. Use one of the nodes: pi1");
  }

  @Test
  void should_reject_a_host_postgres_its_pods_cannot_reach() {
    Node noIp = node("nuc").amd64().worker().postgres(hostPostgres("15"));
    Expect.only(minimal().nodes(noIp).apps(app("recipes", IMAGE).uses(postgresOn(noIp))), Checks.HOST_POSTGRES_REACHABLE,
        "homelab/apps/recipes: uses(postgresOn(nuc)) but its pods cannot reach node nuc, which has no IP. "
            + "Give node nuc its LAN address with .ip(...)");
  }

  @Test
  void should_reject_two_apps_on_one_database() {
    Expect.only(minimal().nodes(DB).apps(app("recipes", IMAGE).uses(postgresOn(DB)),
            app("shop", IMAGE).uses(postgresOn(DB).database("recipes"))), Checks.HOST_DATABASE_UNIQUE,
        "homelab/apps/shop: uses(postgresOn(nuc)) gets database recipes, which app recipes already uses. "
            + "Give one its own, e.g. postgresOn(nuc).database(\"shop_db\")");
  }

  @Test
  void should_inject_node_ip_port_database_user_and_password_reference() {
    Lab lab = minimal().nodes(DB).apps(app("meal-planner", IMAGE).uses(postgresOn(DB)));
    App app = lab.apps().get(0);

    assertThat(app.connectionEnv(lab)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
        "POSTGRES_DB", "meal_planner", "POSTGRES_HOST", "192.168.1.20", "POSTGRES_PORT", "5432", "POSTGRES_USER", "meal_planner")));
    assertThat(app.connectionSecretEnv(lab)).containsExactly(Map.entry("POSTGRES_PASSWORD", SecretRef.of("postgres-nuc-meal-planner", "password")));
  }

  @Test
  void should_compose_home_assistant_db_url_from_injected_variables_only_with_a_host_database() {
    assertThat(app("homeassistant").uses(postgresOn(DB).envPrefix("DB_")).connectionDependentEnv()).containsExactly(
        Map.entry("HA_DB_URL", "postgresql://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)/$(DB_DB)"));
    assertThat(app("homeassistant").connectionDependentEnv()).isEmpty();
  }

  @Test
  void should_compose_the_database_url_from_an_in_cluster_postgres_too() {
    App app = app("wiki", IMAGE).databaseUrlEnv("DATABASE_URL").uses(postgres("postgres"));

    assertThat(app.connectionDependentEnv()).containsExactly(
        Map.entry("DATABASE_URL", "postgresql://$(POSTGRES_USER):$(POSTGRES_PASSWORD)@$(POSTGRES_HOST):$(POSTGRES_PORT)/$(POSTGRES_DB)"));
    assertThat(app("wiki", IMAGE).databaseUrlEnv("DATABASE_URL").uses(redis("cache")).connectionDependentEnv()).isEmpty();
  }

  @Test
  void should_reject_variables_that_collide_with_an_in_cluster_postgres() {
    Lab lab = minimal().nodes(DB).dataServices(postgres("postgres"))
        .apps(app("recipes", IMAGE).uses(postgres("postgres")).uses(postgresOn(DB)));
    Expect.only(lab, Checks.ENV_NAME, "homelab/apps/recipes: uses(postgres) and uses(postgresOn(nuc)) both set POSTGRES_DB, "
        + "POSTGRES_HOST, POSTGRES_PASSWORD, POSTGRES_PORT, POSTGRES_USER. Give one its own names, e.g. .uses(postgresOn(nuc).envPrefix(\"DB_\"))");
  }

  @Test
  void should_reject_a_host_database_named_like_the_superuser() {
    Expect.only(minimal().nodes(DB).apps(app("recipes", IMAGE).uses(postgresOn(DB).database("postgres"))), Checks.RESERVED_SERVICE_USER,
        "homelab/apps/recipes: uses(postgresOn(nuc)) would name the app's own role and database postgres, which is PostgreSQL's superuser. "
            + "Name another, e.g. postgresOn(nuc).database(\"recipes_app\")");
  }

  @Test
  void should_reject_a_host_database_in_the_pg_prefix_postgres_reserves() {
    Expect.only(minimal().nodes(DB).apps(app("pg-admin", IMAGE).uses(postgresOn(DB))), Checks.RESERVED_SERVICE_USER,
        "homelab/apps/pg-admin: uses(postgresOn(nuc)) would name the app's own role and database pg_admin, which is in the pg_ prefix "
            + "PostgreSQL reserves for its own roles. Name another, e.g. postgresOn(nuc).database(\"app_pg_admin\")");
  }
}
