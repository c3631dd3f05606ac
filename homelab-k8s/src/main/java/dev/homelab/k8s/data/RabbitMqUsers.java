package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user and a vhost per app that {@code uses()} a RabbitMQ service, both named like the app, the
 * user with permissions on its vhost only: a Job in the service's namespace runs
 * {@link RabbitMqAdmin}'s escript against the management API as the administrator. Idempotent: the
 * API's {@code PUT}s create what is missing and keep the rest (queues and messages of an existing
 * vhost stay), and the user's password is set from {@link DataService#credentialsFor(String)} at
 * every run, so a rotated Secret takes effect at the next apply. Like {@link PostgresRoles}, the Job
 * is deleted an hour after it finishes and its name carries a hash of its image, script and apps, so
 * every {@code kubectl apply} that changes them runs it again, and its pod reaches the server
 * through the namespace's {@code allow-same-namespace} policy.
 *
 * @see <a href="https://www.rabbitmq.com/docs/access-control">RabbitMQ access control</a>
 * @see <a href="https://www.rabbitmq.com/docs/http-api-reference">HTTP API: PUT /api/users, /api/vhosts, /api/permissions</a>
 */
final class RabbitMqUsers {
  private RabbitMqUsers() {}

  /** The escript's ConfigMap and the Job; only the ConfigMap when no app uses the service (the backup needs it too). */
  static List<HasMetadata> objects(Lab lab, DataService s) {
    // By name, not declaration order: reordering apps must not rename (and re-run) the Job.
    List<App> apps = lab.apps().stream().filter(a -> a.uses().contains(s.name()))
        .sorted(Comparator.comparing(App::name)).toList();
    List<HasMetadata> out = new ArrayList<>();
    if (apps.isEmpty() && s.backup().isEmpty()) {
      return out;
    }
    out.add(RabbitMqAdmin.configMap(s));
    if (apps.isEmpty()) {
      return out;
    }
    String name = s.name() + "-users";
    Map<String, String> labels = Map.of(Pods.NAME, name, Pods.COMPONENT, "users");
    List<EnvVar> env = RabbitMqAdmin.adminEnv(s);
    apps.forEach(a -> env.add(Pods.env(passwordVariable(a), s.credentialsFor(a))));
    String[] args = new String[apps.size() + 1];
    args[0] = "users";
    for (int i = 0; i < apps.size(); i++) {
      args[i + 1] = s.vhostFor(apps.get(i).name());
    }
    List<String> command = RabbitMqAdmin.command(args);
    out.add(ProvisioningJob.of(name, RabbitMqAdmin.image(lab, s) + "\0" + RabbitMqAdmin.script() + "\0" + String.join(" ", command),
        s.name(), labels, new ContainerBuilder()
            .withName("users")
            .withImage(RabbitMqAdmin.image(lab, s))
            .withCommand(command)
            .withEnv(env)
            .withVolumeMounts(RabbitMqAdmin.mount())
            .withResources(Pods.resources("10m", "64Mi", "256Mi"))
            .withSecurityContext(Pods.restrictedContainer())
            .build(),
        RabbitMqAdmin.volume(s)));
    return out;
  }

  /** The env variable the escript reads {@code app}'s password from ({@code USER_PASSWORD_<APP>}, {@code -} as {@code _}). */
  static String passwordVariable(App app) {
    return "USER_PASSWORD_" + app.name().toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
