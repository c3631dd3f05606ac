package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.internal.AddressRange;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * PostgreSQL installed on a host's OS (Debian's {@code postgresql} package), outside Kubernetes.
 *
 * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class HostPostgres {
  HostPostgres() {}

  /**
   * Major version, e.g. {@code 15} (Debian bookworm's). Required.
   *
   * @see <a href="https://www.postgresql.org/support/versioning/">PostgreSQL versioning</a>
   */
  @Value.Parameter
  public abstract String version();

  /**
   * Databases to create. Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createdatabase.html">CREATE DATABASE</a>
   */
  public abstract List<String> databases();

  /**
   * Network the server listens to besides localhost. Default: none (localhost only).
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public abstract Optional<String> allowFrom();

  /**
   * Name of the S3 target that receives nightly {@code pg_dump}s. Default: no off-site dumps.
   *
   * @see <a href="https://www.postgresql.org/docs/current/app-pgdump.html">pg_dump</a>
   */
  public abstract Optional<String> backup();

  /**
   * PostgreSQL of this major version (required); prefer {@link dev.homelab.Homelab#hostPostgres}.
   * Default: no databases, localhost only, no off-site dumps.
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  public static HostPostgres of(String version) {
    required(version, ModelPaths.node(Arguments.UNKNOWN) + "/postgres", "HostPostgres.of(version)", "a PostgreSQL major version", "hostPostgres(\"15\")");
    return ImmutableHostPostgres.of(version);
  }

  /**
   * Creates these databases (owner: a role of the same name). Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createdatabase.html">CREATE DATABASE</a>
   */
  public HostPostgres databases(String... names) {
    requiredEach(names, ModelPaths.node(Arguments.UNKNOWN) + "/postgres", ".databases(names)", "a database's name", ".databases(\"nextcloud\")");
    return copy().withDatabases(List.of(names));
  }

  /**
   * Accepts connections from {@code cidr} (pg_hba, scram-sha-256). Default: localhost only.
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public HostPostgres allowFrom(String cidr) {
    required(cidr, ModelPaths.node(Arguments.UNKNOWN) + "/postgres", ".allowFrom(cidr)", "a CIDR", ".allowFrom(\"10.42.0.0/16\")");
    return copy().withAllowFrom(cidr);
  }

  /**
   * Dumps every database nightly to the S3 target. Default: none.
   *
   * @see <a href="https://www.postgresql.org/docs/current/app-pgdump.html">pg_dump</a>
   */
  public HostPostgres backup(dev.homelab.model.backup.S3Target target) {
    required(target, ModelPaths.node(Arguments.UNKNOWN) + "/postgres", ".backup(target)", "an S3 target of the lab", ".backup(offsite)");
    return copy().withBackup(target.name());
  }

  /** Broken invariants of this PostgreSQL installation; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(!version().matches("\\d{2}"), Checks.HOST_POSTGRES, () -> "PostgreSQL version " + Texts.quote(version()) + " is not a major version",
            "Use a major version such as hostPostgres(\"15\")");
    allowFrom().ifPresent(c -> v.when(AddressRange.parseCidr(c).isEmpty(), Checks.HOST_POSTGRES,
        () -> "allowed network " + Texts.quote(c) + " is not an IPv4 CIDR", "Write it like .allowFrom(\"192.168.1.0/24\")"));
    databases().forEach(d -> v.when(!d.matches("[a-z_][a-z0-9_]*"), Checks.HOST_POSTGRES,
        () -> "database name " + Texts.quote(d) + " is not a plain lower-case identifier", "Use letters, digits and _, e.g. \"" + d.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "\""));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableHostPostgres copy() {
    return (ImmutableHostPostgres) this;
  }
}
