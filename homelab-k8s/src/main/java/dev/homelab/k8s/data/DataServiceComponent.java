package dev.homelab.k8s.data;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.ServiceMonitors;
import dev.homelab.k8s.metallb.MetalLbComponent;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import dev.homelab.k8s.traefik.Routes;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One data service in namespace {@code <name>}: a single-replica StatefulSet with its volume and its
 * headless governing Service, a Service for clients, the admin UI on the internal entrypoint, Pi-hole's DNS on its MetalLB IP, the
 * nightly backup and its restore ({@link DataBackups}), the apps' own users (PostgreSQL roles,
 * RabbitMQ users and vhosts), and NetworkPolicies that admit only the apps that {@code uses()} it.
 */
final class DataServiceComponent implements Component {
  private final String name;

  DataServiceComponent(String name) {
    this.name = name;
  }

  @Override
  public String folder() {
    return "data/" + name;
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    DataService s = lab.dataService(name).orElseThrow();
    Engine engine = Engine.of(lab, s);
    List<HasMetadata> out = new ArrayList<>();
    out.add(engine.uid() == null
        ? Namespaces.baseline(name, "the Pi-hole image starts as root and binds DNS on port 53 with the runtime's default capabilities")
        : Namespaces.restricted(name));
    out.add(statefulSet(lab, s, engine));
    // The headless Service (the StatefulSet's DNS) leaves out the metrics port: the ServiceMonitor
    // below selects by the same labels, and a second Service with that port would scrape the pod twice.
    out.add(headlessService(name, engine.ports().stream().filter(p -> !p.getName().equals(Engine.METRICS_PORT)).toList()));
    boolean dnsOnLan = s.kind() == DataService.Kind.PIHOLE && s.loadBalancerIp().isPresent();
    out.add(service(name, engine.ports().stream()
        .filter(p -> !dnsOnLan || p.getName().equals("http")).toList()));
    if (dnsOnLan) {
      out.add(dnsService(s, engine));
    }
    s.adminHost().ifPresent(host -> out.add(Routes.internalRoute(lab, name, name + "-admin", host, name, name,
        engine.adminPort())));
    if (engine.uid() != null) {
      out.addAll(DataBackups.objects(lab, s, engine.uid()));
    }
    if (s.kind() == DataService.Kind.POSTGRES) {
      out.addAll(PostgresRoles.objects(lab, s));
    }
    if (s.kind() == DataService.Kind.RABBITMQ) {
      out.addAll(RabbitMqUsers.objects(lab, s));
    }
    if (engine.metrics().isPresent() && lab.monitoring().isPresent()) {
      out.add(ServiceMonitors.of(name, name, Pods.labels(name), Engine.METRICS_PORT, "/metrics"));
    }
    out.addAll(DataPolicies.of(lab, s, engine));
    return out;
  }

  private StatefulSet statefulSet(Lab lab, DataService s, Engine engine) {
    PodSecurityContext pod = engine.uid() == null
        ? new PodSecurityContextBuilder().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build()
        : Pods.restrictedPod(engine.uid());
    ContainerBuilder container = new ContainerBuilder()
        .withName(s.kind().portName())
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withPorts(engine.ports())
        .withEnv(engine.env())
        .withArgs(engine.args())
        .addNewVolumeMount().withName("data").withMountPath(engine.dataPath()).endVolumeMount()
        .withResources(engine.resources())
        .withReadinessProbe(engine.readiness())
        .withLivenessProbe(engine.liveness())
        .withStartupProbe(engine.startup())
        // Pi-hole's FTL binds port 53 through file capabilities, which no_new_privs would void.
        .withSecurityContext(engine.uid() == null ? null : Pods.restrictedContainer());
    boolean redis = s.kind() == DataService.Kind.REDIS;
    if (redis) {
      container.addToVolumeMounts(RedisSecretConfig.mount());
    }
    StatefulSet statefulSet = new StatefulSetBuilder()
        .withNewMetadata().withName(name).withNamespace(name).withLabels(Pods.labels(name)).endMetadata()
        .withNewSpec()
        .withServiceName(headlessName(name))
        .withReplicas(1)
        .withNewSelector().withMatchLabels(Pods.labels(name)).endSelector()
        .addNewVolumeClaimTemplate()
        .withNewMetadata().withName("data").endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(lab.storageClassOf(s))
        .withNewResources().addToRequests("storage", new Quantity(s.storageSize())).endResources()
        .endSpec()
        .endVolumeClaimTemplate()
        .endSpec()
        .build();
    statefulSet.getSpec().setTemplate(Templates.pod(Pods.labels(name), null, new PodSpecBuilder()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(pod)
        // The official images are multi-arch: a pin or a class, never an arch. A node-local volume
        // is created on the node the pod first lands on, which the pin chooses.
        .withNodeSelector(Pods.nodeSelector(java.util.Set.of(), s.runsOn(), s.runsOnNodes()))
        .withTolerations(Pods.tolerations(lab, s.runsOn(), s.runsOnNodes()))
        .withInitContainers(redis ? List.of(RedisSecretConfig.initContainer(lab, s)) : List.of())
        .withContainers(container.build())
        .withVolumes(redis ? List.of(RedisSecretConfig.volume()) : List.of())
        .build()));
    return statefulSet;
  }

  /** Name of the StatefulSet's governing Service. */
  static String headlessName(String name) {
    return name + "-headless";
  }

  /**
   * The StatefulSet's governing Service: headless, so its pod gets the stable DNS name
   * {@code <name>-0.<name>-headless.<name>.svc}. Clients keep the ordinary ClusterIP Service
   * {@code <name>}, whose virtual IP does not change when the pod is rescheduled.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id">stable network ID</a>
   */
  private static Service headlessService(String name, List<ContainerPort> ports) {
    return new ServiceBuilder()
        .withNewMetadata().withName(headlessName(name)).withNamespace(name).withLabels(Pods.labels(name)).endMetadata()
        .withNewSpec().withClusterIP("None").withSelector(Pods.labels(name)).withPorts(servicePorts(ports, p -> true))
        .endSpec()
        .build();
  }

  private static Service service(String name, List<ContainerPort> ports) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name).withNamespace(name).withLabels(Pods.labels(name)).endMetadata()
        .withNewSpec().withSelector(Pods.labels(name)).withPorts(servicePorts(ports, p -> true)).endSpec()
        .build();
  }

  /**
   * Pi-hole's DNS for the LAN: TCP and UDP 53 on one LoadBalancer Service at its fixed MetalLB IP.
   * {@code externalTrafficPolicy: Cluster}, not {@code Local}: Pi-hole is a single pod, and with
   * {@code Local} every node without it drops DNS sent to the IP, among them the WireGuard gateway
   * node forwarding its VPN clients and nodes resolving through the IP themselves. Reachability
   * from every node beats per-client statistics (queries show a node's address as the client);
   * the NetworkPolicy admits the pod network those forwarded queries come from.
   */
  private Service dnsService(DataService s, Engine engine) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name + "-dns").withNamespace(name).withLabels(Pods.labels(name))
        .addToAnnotations(MetalLbComponent.LOAD_BALANCER_IPS, s.loadBalancerIp().get()).endMetadata()
        .withNewSpec()
        .withType("LoadBalancer")
        .withExternalTrafficPolicy("Cluster")
        .withSelector(Pods.labels(name))
        .withPorts(servicePorts(engine.ports(), p -> p.getName().startsWith("dns")))
        .endSpec()
        .build();
  }

  private static List<ServicePort> servicePorts(List<ContainerPort> ports, Predicate<ContainerPort> which) {
    return ports.stream().filter(which).map(p -> new ServicePortBuilder().withName(p.getName())
        .withPort(p.getContainerPort()).withTargetPort(new IntOrString(p.getName())).withProtocol(p.getProtocol())
        .build()).toList();
  }
}
