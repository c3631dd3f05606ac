package dev.homelab.k8s.apps;

import dev.homelab.k8s.ServiceMonitors;
import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.traefik.Routes;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppPort;
import dev.homelab.model.network.Exposure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * One app alone in namespace {@code <name>} (Pod Security restricted): its Deployment, Service, claims,
 * route on the public or the internal entrypoint (never both), NetworkPolicies, ServiceMonitor and
 * backup CronJobs.
 */
final class AppComponent implements Component {
  private final App app;
  private final String name;

  /** {@code app} of the lab {@link Apps#expand} was given: no lookup by name per app (quadratic over the apps). */
  AppComponent(App app) {
    this.app = app;
    this.name = app.name();
  }

  @Override
  public String folder() {
    return "apps/" + name;
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(app.runAsRoot().map(why -> Namespaces.baseline(name, "runs as root: " + why)).orElseGet(() -> Namespaces.restricted(name)));
    out.addAll(appObjects(lab, app));
    return out;
  }

  /** Everything of {@code app} but its namespace, in {@link App#namespace()}: alone in it, or one of a group's apps. */
  static List<HasMetadata> appObjects(Lab lab, App app) {
    String name = app.name();
    String ns = app.namespace();
    List<HasMetadata> out = new ArrayList<>();
    out.add(AppWorkload.deployment(lab, app));
    out.addAll(AppCronJobs.cronJobs(lab, app));
    out.addAll(AppWorkload.claims(lab, app));
    AppInit.configMap(app).ifPresent(out::add);
    out.add(service(app));
    if (app.exposure() == Exposure.PUBLIC) {
      out.add(Routes.publicRoute(lab, ns, name, app.host(), name, app.port()));
    } else if (app.exposure() == Exposure.INTERNAL) {
      out.add(Routes.internalRoute(lab, ns, name, app.host(), ns, name, app.port()));
    }
    if (app.metrics().isPresent() && lab.monitoring().isPresent()) {
      out.add(ServiceMonitors.of(ns, name, Pods.labels(name), "http", app.metrics().get()));
    }
    out.addAll(AppBackups.cronJobs(lab, app));
    out.addAll(AppPolicies.of(lab, app));
    return out;
  }

  /** The HTTP port, then the extra ports (cluster-internal: routes and policies keep to the HTTP port). */
  private static Service service(App app) {
    String name = app.name();
    List<ServicePort> ports = new ArrayList<>();
    ports.add(new ServicePortBuilder().withName("http").withPort(app.port()).withTargetPort(new IntOrString("http")).build());
    for (AppPort p : app.extraPorts()) {
      ports.add(new ServicePortBuilder().withName(p.name()).withPort(p.port()).withTargetPort(new IntOrString(p.name()))
          .withProtocol(p.protocol().name()).build());
    }
    return new ServiceBuilder()
        .withNewMetadata().withName(name).withNamespace(app.namespace()).withLabels(Pods.labels(name)).endMetadata()
        .withNewSpec().withSelector(Pods.labels(name)).withPorts(ports).endSpec()
        .build();
  }
}
