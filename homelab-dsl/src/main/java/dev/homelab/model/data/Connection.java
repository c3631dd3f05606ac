package dev.homelab.model.data;

import static dev.homelab.internal.Arguments.required;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * How an app that {@code uses()} a data service gets its connection settings: one environment
 * variable per {@link Setting} of the service's kind, named {@code <prefix><suffix>}, e.g.
 * {@code POSTGRES_HOST}. {@code app.uses(postgres)} takes the defaults; an image that reads other
 * names gets {@code app.uses(redis.connection().env(Setting.PASSWORD, "REDIS_HOST_PASSWORD"))}.
 * Passwords are Secret references ({@code secretKeyRef}), never values.
 */
@Value.Immutable
@HomelabStyle
public abstract class Connection {
  Connection() {}

  /**
   * Name of the data service. Required (from {@link DataService#connection()}).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services">DNS for Services</a>
   */
  @Value.Parameter
  public abstract String service();

  /**
   * Kind of the data service, which fixes its settings. Required (from {@link DataService#connection()}).
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  @Value.Parameter
  public abstract DataService.Kind kind();

  /**
   * Start of every variable's name that {@link #env()} does not rename. Default: the kind's
   * ({@code POSTGRES_}, {@code REDIS_}, {@code RABBITMQ_}, {@code PIHOLE_}).
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  @Value.Default
  public String envPrefix() {
    return kind().envPrefix();
  }

  /**
   * Settings given their own variable name. Default: none, every setting is {@code <prefix><suffix>}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public abstract Map<Setting, String> env();

  /**
   * The default connection to {@code service} (required); prefer {@link DataService#connection()}.
   * Default: every setting of the kind as {@code <KIND>_<SUFFIX>}, e.g. {@code POSTGRES_HOST}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public static Connection of(DataService service) {
    required(service, ModelPaths.dataService("unknown"), "Connection.of(service)", "a data service", "postgres.connection()");
    return ImmutableConnection.of(service.name(), service.kind());
  }

  /**
   * Names every setting not renamed by {@link #env(Setting, String)} {@code prefix + suffix}, e.g.
   * {@code .envPrefix("DB_")} for {@code DB_HOST}. Default: the kind's prefix, e.g. {@code POSTGRES_}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/">environment variables</a>
   */
  public Connection envPrefix(String prefix) {
    required(prefix, ModelPaths.dataService(service()), ".envPrefix(prefix)", "the start of the variables' names", ".envPrefix(\"DB_\")");
    return ((ImmutableConnection) this).withEnvPrefix(prefix);
  }

  /**
   * Injects {@code setting} as the variable {@code name}, for an image that reads another name, e.g.
   * Nextcloud's {@code .env(Setting.PASSWORD, "REDIS_HOST_PASSWORD")}. Default: {@code <prefix><suffix>}.
   *
   * @see <a href="https://github.com/nextcloud/docker/blob/master/.config/redis.config.php">nextcloud/docker: the Redis variables it reads</a>
   */
  public Connection env(Setting setting, String name) {
    required(setting, ModelPaths.dataService(service()), ".env(setting, …)", "a setting of the service", ".env(Setting.PASSWORD, \"REDIS_HOST_PASSWORD\")");
    required(name, ModelPaths.dataService(service()), ".env(…, name)", "the variable's name", ".env(Setting.PASSWORD, \"REDIS_HOST_PASSWORD\")");
    Map<Setting, String> all = new TreeMap<>(env());
    all.put(setting, name);
    return ((ImmutableConnection) this).withEnv(all);
  }

  /** The variable of each setting of the kind, in the kind's order. */
  public Map<Setting, String> envNames() {
    Map<Setting, String> out = new LinkedHashMap<>();
    kind().settings().forEach(s -> out.put(s, env().getOrDefault(s, envPrefix() + s.suffix())));
    return out;
  }

  /** The plain variables for app {@code appName} of {@code service} (host, port, database, user, vhost). */
  public Map<String, String> plainEnv(DataService service, String appName) {
    required(service, ModelPaths.dataService(service()), "plainEnv(service, …)", "the data service", "postgres.connection().plainEnv(postgres, \"nextcloud\")");
    required(appName, ModelPaths.dataService(service()), "plainEnv(…, appName)", "an app's name", "postgres.connection().plainEnv(postgres, \"nextcloud\")");
    Map<String, String> out = new TreeMap<>();
    envNames().forEach((setting, name) -> value(service, appName, setting).ifPresent(v -> out.put(name, v)));
    return out;
  }

  /** The variables for app {@code appName} read from Secrets (the password). */
  public Map<String, SecretRef> secretEnv(DataService service, String appName) {
    required(service, ModelPaths.dataService(service()), "secretEnv(service, …)", "the data service", "postgres.connection().secretEnv(postgres, \"nextcloud\")");
    required(appName, ModelPaths.dataService(service()), "secretEnv(…, appName)", "an app's name", "postgres.connection().secretEnv(postgres, \"nextcloud\")");
    Map<String, SecretRef> out = new TreeMap<>();
    if (envNames().containsKey(Setting.PASSWORD)) {
      out.put(envNames().get(Setting.PASSWORD), service.passwordFor(appName));
    }
    return out;
  }

  private static Optional<String> value(DataService s, String app, Setting setting) {
    return switch (setting) {
      case HOST -> Optional.of(s.host());
      case PORT -> Optional.of(Integer.toString(s.port()));
      case DATABASE -> Optional.of(s.databaseFor(app));
      case USER -> Optional.of(s.userFor(app));
      case VHOST -> Optional.of(s.vhostFor(app));
      case PASSWORD -> Optional.empty();
    };
  }

  /** Broken invariants: valid variable names, renamed settings the kind has. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems();
    env().keySet().stream().filter(s -> !kind().settings().contains(s)).forEach(s -> v.add(Checks.ENV_NAME,
        service() + " has no setting " + s + " to inject",
        "Rename one of " + kind().settings().stream().map(Setting::name).collect(Collectors.joining(", "))));
    // One line for a prefix that breaks every name it starts, one per renamed setting.
    v.when(!Names.isEnvName(envPrefix() + "HOST"), Checks.ENV_NAME,
        () -> "env prefix " + Texts.quote(envPrefix()) + " does not start valid variable names",
        "Use letters, digits and _, not starting with a digit, e.g. .envPrefix(\"DB_\")");
    env().forEach((setting, n) -> v.when(kind().settings().contains(setting) && !Names.isEnvName(n), Checks.ENV_NAME,
        () -> "environment variable " + Texts.quote(n) + " is not a valid name",
        "Use letters, digits and _, not starting with a digit, e.g. .env(Setting." + setting + ", \"DB_" + setting.suffix() + "\")"));
    envNames().values().stream().filter(n -> java.util.Collections.frequency(envNames().values(), n) > 1).distinct()
        .forEach(n -> v.add(Checks.ENV_NAME, "uses(" + service() + ") sets " + Texts.oneLine(n) + " for two settings",
            "Give each setting its own name with .env(Setting, name)"));
    return v.list();
  }
}
