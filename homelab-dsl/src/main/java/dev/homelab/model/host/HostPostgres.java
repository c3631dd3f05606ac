package dev.homelab.model.host;

import dev.homelab.model.HomelabStyle;
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

  /** Major version, e.g. {@code 15} (Debian bookworm's). */
  @Value.Parameter
  public abstract String version();

  /** Databases to create. Default: none. */
  public abstract List<String> databases();

  /** Network the server listens to besides localhost. Default: none (localhost only). */
  public abstract Optional<String> allowedCidr();

  /** Name of the S3 target that receives nightly {@code pg_dump}s. Default: no off-site dumps. */
  public abstract Optional<String> backupTarget();

  public static HostPostgres of(String version) {
    return ImmutableHostPostgres.of(version);
  }

  /** Creates these databases (owner: a role of the same name). Default: none. */
  public HostPostgres databases(String... names) {
    return copy().withDatabases(List.of(names));
  }

  /** Accepts connections from {@code cidr} (pg_hba, scram-sha-256). Default: localhost only. */
  public HostPostgres allow(String cidr) {
    return copy().withAllowedCidr(cidr);
  }

  /** Dumps every database nightly to the S3 target. Default: none. */
  public HostPostgres backup(dev.homelab.model.backup.S3Target target) {
    return copy().withBackupTarget(target.name());
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableHostPostgres copy() {
    return (ImmutableHostPostgres) this;
  }
}
