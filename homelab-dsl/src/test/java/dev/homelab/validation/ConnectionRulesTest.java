package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import dev.homelab.model.data.Setting;
import org.junit.jupiter.api.Test;

/** What {@code uses(service)} injects into an app, {@code uses(app)}, and their misuse. */
class ConnectionRulesTest {
  private static final String IMAGE = "ghcr.io/example/wiki:1.0.0";
  private static final DataService DB = postgres("db");
  private static final DataService CACHE = redis("cache");
  private static final DataService QUEUE = rabbitmq("queue");

  @Test
  void should_reject_an_app_named_postgres_that_would_take_over_the_superuser() {
    Expect.only(minimal().dataServices(DB).apps(app("postgres", IMAGE).uses(DB)), Checks.RESERVED_SERVICE_USER,
        "homelab/apps/postgres: uses(db) would name the app's own PostgreSQL role and database postgres, which is PostgreSQL's superuser. "
            + "Rename the app, e.g. 'postgres-app'");
  }

  @Test
  void should_reject_an_app_named_like_a_template_database_of_postgres() {
    Expect.only(minimal().dataServices(DB).apps(app("template1", IMAGE).uses(DB)), Checks.RESERVED_SERVICE_USER,
        "homelab/apps/template1: uses(db) would name the app's own PostgreSQL role and database template1, "
            + "which is a template database PostgreSQL copies into every new one. Rename the app, e.g. 'template1-app'");
  }

  @Test
  void should_reject_an_app_named_like_the_rabbitmq_administrator_or_guest() {
    Expect.only(minimal().dataServices(QUEUE).apps(app("admin", IMAGE).uses(QUEUE), app("guest", IMAGE).uses(QUEUE)), Checks.RESERVED_SERVICE_USER,
        "homelab/apps/admin: uses(queue) would name the app's own RabbitMQ user admin, which is the administrator of queue. Rename the app, e.g. 'admin-app'",
        "homelab/apps/guest: uses(queue) would name the app's own RabbitMQ user guest, which is RabbitMQ's guest user, allowed to log in from localhost only. "
            + "Rename the app, e.g. 'guest-app'");
  }

  @Test
  void should_accept_an_app_named_postgres_that_uses_only_redis() {
    Expect.none(minimal().dataServices(CACHE).apps(app("postgres", IMAGE).uses(CACHE)));
  }

  @Test
  void should_inject_the_apps_own_postgres_role_database_and_password_reference() {
    App wiki = app("wiki", IMAGE).uses(DB);
    Lab lab = minimal().dataServices(DB).apps(wiki);

    assertThat(wiki.connectionEnv(lab)).containsExactly(entry("POSTGRES_DB", "wiki"),
        entry("POSTGRES_HOST", "db.db.svc.cluster.local"), entry("POSTGRES_PORT", "5432"), entry("POSTGRES_USER", "wiki"));
    assertThat(wiki.connectionSecretEnv(lab)).containsExactly(entry("POSTGRES_PASSWORD", SecretRef.of("wiki-db", "password")));
    Expect.none(lab);
  }

  @Test
  void should_inject_the_apps_own_rabbitmq_user_and_vhost_and_the_shared_redis_password() {
    App worker = app("worker", IMAGE).uses(QUEUE, CACHE);
    Lab lab = minimal().dataServices(QUEUE, CACHE).apps(worker);

    assertThat(worker.connectionEnv(lab)).containsExactly(entry("RABBITMQ_HOST", "queue.queue.svc.cluster.local"),
        entry("RABBITMQ_PORT", "5672"), entry("RABBITMQ_USER", "worker"), entry("RABBITMQ_VHOST", "worker"),
        entry("REDIS_HOST", "cache.cache.svc.cluster.local"), entry("REDIS_PORT", "6379"));
    assertThat(worker.connectionSecretEnv(lab)).containsExactly(entry("RABBITMQ_PASSWORD", SecretRef.of("worker-queue", "password")),
        entry("REDIS_PASSWORD", SecretRef.of("cache-credentials", "password")));
  }

  @Test
  void should_inject_renamed_settings_under_the_names_the_image_reads() {
    App cloud = app("cloud", IMAGE).uses(CACHE.connection().env(Setting.PORT, "REDIS_HOST_PORT").env(Setting.PASSWORD, "REDIS_HOST_PASSWORD"))
        .uses(DB.connection().envPrefix("DB_"));
    Lab lab = minimal().dataServices(DB, CACHE).apps(cloud);

    assertThat(cloud.connectionEnv(lab)).containsOnlyKeys("DB_DB", "DB_HOST", "DB_PORT", "DB_USER", "REDIS_HOST", "REDIS_HOST_PORT");
    assertThat(cloud.connectionSecretEnv(lab)).containsOnlyKeys("DB_PASSWORD", "REDIS_HOST_PASSWORD");
    Expect.none(lab);
  }

  @Test
  void should_let_the_apps_own_env_win_over_an_injected_variable() {
    App wiki = app("wiki", IMAGE).uses(DB).env("POSTGRES_HOST", "db.example.com").env("POSTGRES_PASSWORD", secret("other", "password"));
    Lab lab = minimal().dataServices(DB).apps(wiki);

    assertThat(wiki.connectionEnv(lab)).doesNotContainKey("POSTGRES_HOST");
    assertThat(wiki.connectionSecretEnv(lab)).isEmpty();
    Expect.none(lab);
  }

  @Test
  void should_reject_two_services_that_inject_the_same_variables() {
    DataService other = postgres("other");
    Expect.only(minimal().dataServices(DB, other).apps(app("wiki", IMAGE).uses(DB, other)), Checks.ENV_NAME,
        "homelab/apps/wiki: uses(db) and uses(other) both set POSTGRES_DB, POSTGRES_HOST, POSTGRES_PASSWORD, POSTGRES_PORT, POSTGRES_USER. Give one its own names, e.g. .uses(other.connection().envPrefix(\"OTHER_\"))");
  }

  @Test
  void should_reject_a_service_used_twice() {
    Expect.only(minimal().dataServices(DB).apps(app("wiki", IMAGE).uses(DB).uses(DB.connection().envPrefix("DB_"))), Checks.ENV_NAME,
        "homelab/apps/wiki: uses(db) is given twice. Keep one uses(db)");
  }

  @Test
  void should_reject_renaming_a_setting_the_service_does_not_have() {
    Expect.only(minimal().dataServices(CACHE).apps(app("wiki", IMAGE).uses(CACHE.connection().env(Setting.DATABASE, "REDIS_DB"))), Checks.ENV_NAME,
        "homelab/apps/wiki: cache has no setting DATABASE to inject. Rename one of HOST, PORT, PASSWORD");
  }

  @Test
  void should_reject_an_env_prefix_that_makes_invalid_names_once() {
    Expect.only(minimal().dataServices(DB).apps(app("wiki", IMAGE).uses(DB.connection().envPrefix("db-"))), Checks.ENV_NAME,
        "homelab/apps/wiki: env prefix 'db-' does not start valid variable names. Use letters, digits and _, not starting with a digit, e.g. .envPrefix(\"DB_\")");
  }

  @Test
  void should_reject_a_setting_renamed_to_an_invalid_name() {
    Expect.only(minimal().dataServices(DB).apps(app("wiki", IMAGE).uses(DB.connection().env(Setting.HOST, "1HOST"))), Checks.ENV_NAME,
        "homelab/apps/wiki: environment variable '1HOST' is not a valid name. Use letters, digits and _, not starting with a digit, e.g. .env(Setting.HOST, \"DB_HOST\")");
  }

  @Test
  void should_reject_two_settings_injected_under_one_name() {
    Expect.only(minimal().dataServices(CACHE).apps(app("wiki", IMAGE).uses(CACHE.connection().env(Setting.PORT, "REDIS_HOST"))), Checks.ENV_NAME,
        "homelab/apps/wiki: uses(cache) sets REDIS_HOST for two settings. Give each setting its own name with .env(Setting, name)");
  }

  @Test
  void should_accept_an_app_using_another_app() {
    App api = app("api", "ghcr.io/example/api:1.0.0");
    Expect.none(minimal().apps(api, app("wiki", IMAGE).uses(api)));
    assertThat(api.clusterHost()).isEqualTo("api.api.svc.cluster.local");
  }

  @Test
  void should_reject_an_app_using_an_app_that_is_not_in_the_lab() {
    Expect.only(minimal().apps(app("wiki", IMAGE).uses(app("api", "ghcr.io/example/api:1.0.0"))), Checks.USES_KNOWN,
        "homelab/apps/wiki: uses app api, which is not in the lab. Add it with homelab.apps(...), or drop uses(api)");
  }

  @Test
  void should_reject_an_app_using_itself() {
    App wiki = app("wiki", IMAGE);
    Expect.only(minimal().apps(wiki.uses(wiki)), Checks.USES_KNOWN,
        "homelab/apps/wiki: uses(wiki) names the app itself. Drop it: the app's own pods always reach each other");
  }
}
