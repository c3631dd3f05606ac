package dev.homelab.model.data;

/**
 * One connection setting a data service injects into an app that {@code uses()} it, as an
 * environment variable named {@code <prefix><suffix>}, e.g. {@code POSTGRES_HOST}. Which settings
 * a kind has: {@link DataService.Kind#settings()}.
 */
public enum Setting {
  /** The service's DNS name in the cluster ({@link DataService#host()}). */
  HOST("HOST"),
  /** The service's port, e.g. {@code 5432}. */
  PORT("PORT"),
  /** The app's own database (PostgreSQL: named like the app). Suffix {@code DB}, as the postgres image spells it. */
  DATABASE("DB"),
  /** The user the app logs in as (PostgreSQL: its own role; RabbitMQ: the shared admin user). */
  USER("USER"),
  /** The password, as a reference to its Secret (a {@code secretKeyRef}), never a value. */
  PASSWORD("PASSWORD"),
  /** RabbitMQ's virtual host ({@code /}). */
  VHOST("VHOST");

  private final String suffix;

  Setting(String suffix) {
    this.suffix = suffix;
  }

  /** The end of the variable's default name, after the kind's prefix: {@code HOST}, {@code DB}, ... */
  public String suffix() {
    return suffix;
  }
}
