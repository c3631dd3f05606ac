package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;

import dev.homelab.internal.Arguments;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.model.HomelabStyle;
import dev.homelab.model.SecretRef;
import dev.homelab.model.data.Setting;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * An app's own database on a node's {@link HostPostgres}, what {@code app.uses(postgresOn(nuc))}
 * declares: the host playbook creates the database and its owner role (named alike, password from
 * the vault) and admits that role from the pod network to that database only; the app gets
 * {@code POSTGRES_HOST} (the node's IP), {@code POSTGRES_PORT}, {@code POSTGRES_DB},
 * {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD} (a {@code secretKeyRef}), like
 * {@code uses(postgres)} of an in-cluster service.
 *
 * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class HostDatabase {
  /** PostgreSQL's port; the host playbook keeps Debian's default. */
  public static final int PORT = 5432;
  /** Start of the injected variables' names, as for an in-cluster PostgreSQL. */
  public static final String ENV_PREFIX = "POSTGRES_";

  HostDatabase() {}

  /**
   * Name of the node whose host PostgreSQL holds the database. Required (from {@link #of(Node)}).
   *
   * @see <a href="https://www.postgresql.org/docs/current/">PostgreSQL documentation</a>
   */
  @Value.Parameter
  public abstract String node();

  /**
   * The database (and its owner role). Default: the app's name with {@code -} as {@code _}.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createdatabase.html">CREATE DATABASE</a>
   */
  public abstract Optional<String> database();

  /**
   * Start of every variable's name that {@link #env()} does not rename. Default: {@code POSTGRES_}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  @Value.Default
  public String envPrefix() {
    return ENV_PREFIX;
  }

  /**
   * Settings given their own variable name. Default: none, every setting is {@code <prefix><suffix>}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public abstract Map<Setting, String> env();

  /**
   * The app's database on {@code node}'s host PostgreSQL (required); prefer
   * {@link dev.homelab.Homelab#postgresOn(Node)}. Default: database and role named after the app,
   * variables {@code POSTGRES_HOST}, {@code _PORT}, {@code _DB}, {@code _USER}, {@code _PASSWORD}.
   *
   * @see <a href="https://www.postgresql.org/docs/current/auth-pg-hba-conf.html">pg_hba.conf</a>
   */
  public static HostDatabase of(Node node) {
    required(node, ModelPaths.app(Arguments.UNKNOWN), "HostDatabase.of(node)", "a node with a host PostgreSQL", "postgresOn(nuc)");
    return ImmutableHostDatabase.of(node.name());
  }

  /**
   * Names the database and its owner role, e.g. one listed in {@code hostPostgres(...).databases(...)}
   * or shared with a former installation. Default: the app's name with {@code -} as {@code _}.
   *
   * @see <a href="https://www.postgresql.org/docs/current/sql-createdatabase.html">CREATE DATABASE</a>
   */
  public HostDatabase database(String name) {
    required(name, ModelPaths.app(Arguments.UNKNOWN), ".database(name)", "a database's name", ".database(\"homeassistant\")");
    return copy().withDatabase(name);
  }

  /**
   * Names every setting not renamed by {@link #env(Setting, String)} {@code prefix + suffix}, e.g.
   * {@code .envPrefix("DB_")} for {@code DB_HOST}. Default: {@code POSTGRES_}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public HostDatabase envPrefix(String prefix) {
    required(prefix, ModelPaths.app(Arguments.UNKNOWN), ".envPrefix(prefix)", "the start of the variables' names", ".envPrefix(\"DB_\")");
    return copy().withEnvPrefix(prefix);
  }

  /**
   * Injects {@code setting} as the variable {@code name}, for an image that reads another name.
   * Default: {@code <prefix><suffix>}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public HostDatabase env(Setting setting, String name) {
    required(setting, ModelPaths.app(Arguments.UNKNOWN), ".env(setting, …)", "a setting of PostgreSQL", ".env(Setting.DATABASE, \"DB_NAME\")");
    required(name, ModelPaths.app(Arguments.UNKNOWN), ".env(…, name)", "the variable's name", ".env(Setting.DATABASE, \"DB_NAME\")");
    Map<Setting, String> all = new TreeMap<>(env());
    all.put(setting, name);
    return copy().withEnv(all);
  }

  /**
   * The settings a host PostgreSQL injects, in this order (no {@code VHOST}). Default: fixed.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public static List<Setting> settings() {
    return List.of(Setting.HOST, Setting.PORT, Setting.DATABASE, Setting.USER, Setting.PASSWORD);
  }

  /** The database (and role) of app {@code appName}: {@link #database()}, else the app's name with {@code -} as {@code _}. */
  public String databaseFor(String appName) {
    required(appName, ModelPaths.app(Arguments.UNKNOWN), "databaseFor(appName)", "an app's name", "postgresOn(nuc).databaseFor(\"homeassistant\")");
    return database().orElse(appName.toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * The password of the role owning {@code database} on {@code node}: the vault variable of the
   * host playbook and the Kubernetes Secret (in the app's namespace) hold the same value under
   * this one reference, {@code postgres-<node>-<database>} ({@code _} as {@code -}, as a Secret's
   * name needs), key {@code password}. Default: fixed.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public static SecretRef password(String node, String database) {
    required(node, ModelPaths.node(Arguments.UNKNOWN), "password(node, …)", "a node's name", "HostDatabase.password(\"nuc\", \"homeassistant\")");
    required(database, ModelPaths.node(node), "password(…, database)", "a database's name", "HostDatabase.password(\"nuc\", \"homeassistant\")");
    return SecretRef.of("postgres-" + node + "-" + database.replace('_', '-'), "password");
  }

  /** The variable of each setting, in {@link #settings()}' order. */
  public Map<Setting, String> envNames() {
    Map<Setting, String> out = new LinkedHashMap<>();
    settings().forEach(s -> out.put(s, env().getOrDefault(s, envPrefix() + s.suffix())));
    return out;
  }

  /** Broken invariants: a plain database name, valid variable names, settings PostgreSQL has. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems();
    database().ifPresent(d -> v.when(!d.matches("[a-z_][a-z0-9_]*"), Checks.HOST_POSTGRES,
        () -> "postgresOn(" + node() + ") database name " + Texts.quote(d) + " is not a plain lower-case identifier",
        "Use letters, digits and _, e.g. .database(\"" + d.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "\")"));
    env().keySet().stream().filter(s -> !settings().contains(s)).forEach(s -> v.add(Checks.ENV_NAME,
        "postgresOn(" + node() + ") has no setting " + s + " to inject", "Rename one of HOST, PORT, DATABASE, USER, PASSWORD"));
    v.when(!Names.isEnvName(envPrefix() + "HOST"), Checks.ENV_NAME,
        () -> "env prefix " + Texts.quote(envPrefix()) + " does not start valid variable names",
        "Use letters, digits and _, not starting with a digit, e.g. .envPrefix(\"DB_\")");
    env().forEach((setting, n) -> v.when(settings().contains(setting) && !Names.isEnvName(n), Checks.ENV_NAME,
        () -> "environment variable " + Texts.quote(n) + " is not a valid name",
        "Use letters, digits and _, not starting with a digit, e.g. .env(Setting." + setting + ", \"DB_" + setting.suffix() + "\")"));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableHostDatabase copy() {
    return (ImmutableHostDatabase) this;
  }
}
