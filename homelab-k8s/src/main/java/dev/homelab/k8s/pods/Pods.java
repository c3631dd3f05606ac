package dev.homelab.k8s.pods;

import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.NodeClass;
import dev.homelab.model.host.Taint;
import dev.homelab.model.host.TaintEffect;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pod-template building blocks shared by apps, data services and backup jobs, so every workload
 * gets the same hardening: Pod Security "restricted" contexts, resources and probes.
 *
 * <p>The contexts, resources and variables are made by setter, not by fabric8's builders: they
 * are made for every container of every workload, and a builder (with its nested builders) costs
 * several times the object it builds.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted">restricted</a>
 */
public final class Pods {
  /** The label that selects a workload's pods. */
  public static final String NAME = "app.kubernetes.io/name";
  /** The label that tells a workload's parts apart (server, backup). */
  public static final String COMPONENT = "app.kubernetes.io/component";

  private Pods() {}

  /** {@code app.kubernetes.io/name: <name>}, the selector of a workload's pods. */
  public static Map<String, String> labels(String name) {
    return Map.of(NAME, name);
  }

  /** Pod context of a restricted pod running as {@code uid}; {@code fsGroup} makes volumes writable to it. */
  public static PodSecurityContext restrictedPod(long uid) {
    PodSecurityContext context = rootPod();
    context.setRunAsNonRoot(true);
    context.setRunAsUser(uid);
    context.setRunAsGroup(uid);
    context.setFsGroup(uid);
    // Only chown a volume whose root does not match yet: large volumes start fast.
    context.setFsGroupChangePolicy("OnRootMismatch");
    return context;
  }

  /** Container context of a restricted pod: no privilege escalation, no capabilities. */
  public static SecurityContext restrictedContainer() {
    SecurityContext context = rootContainer();
    context.setRunAsNonRoot(true);
    Capabilities capabilities = new Capabilities();
    capabilities.getDrop().add("ALL");
    context.setCapabilities(capabilities);
    return context;
  }

  /**
   * Pod context of a pod that must run as root (Pod Security baseline): the runtime's default
   * seccomp profile, the image's own user.
   */
  public static PodSecurityContext rootPod() {
    PodSecurityContext context = new PodSecurityContext();
    SeccompProfile seccomp = new SeccompProfile();
    seccomp.setType("RuntimeDefault");
    context.setSeccompProfile(seccomp);
    return context;
  }

  /**
   * Container context of a pod that must run as root: no privilege escalation, and the runtime's
   * default capabilities, which an init system such as s6-overlay needs (chown, setuid).
   */
  public static SecurityContext rootContainer() {
    SecurityContext context = new SecurityContext();
    context.setAllowPrivilegeEscalation(false);
    return context;
  }

  /** Requests CPU and memory, limits memory (a CPU limit only throttles). */
  public static ResourceRequirements resources(String cpuRequest, String memoryRequest, String memoryLimit) {
    ResourceRequirements resources = new ResourceRequirements();
    resources.getRequests().put("cpu", new Quantity(cpuRequest));
    resources.getRequests().put("memory", new Quantity(memoryRequest));
    resources.getLimits().put("memory", new Quantity(memoryLimit));
    return resources;
  }

  /** Readiness: HTTP GET {@code path} on the named port, every 10 s. */
  public static Probe httpReadiness(String path, String port) {
    return readiness(new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet());
  }

  /** Liveness: HTTP GET {@code path}; restarts only after two minutes of failures, so slow starts survive. */
  public static Probe httpLiveness(String path, String port) {
    return liveness(new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet());
  }

  /** Startup: HTTP GET {@code path} every 10 s until it first passes, for up to {@code minutes} (see {@link #startup}). */
  public static Probe httpStartup(String path, String port, int minutes) {
    return startup(new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet(), minutes);
  }

  /** Readiness with the timings of {@link #httpReadiness}: {@code action} (a probe handler) every 10 s. */
  public static Probe readiness(ProbeBuilder action) {
    return action.withPeriodSeconds(10).withFailureThreshold(3).build();
  }

  /** Liveness with the timings of {@link #httpLiveness}: restarts only after two minutes of failures. */
  public static Probe liveness(ProbeBuilder action) {
    return action.withInitialDelaySeconds(30).withPeriodSeconds(20).withFailureThreshold(6).build();
  }

  /**
   * Startup: {@code action} every 10 s until it first passes, for up to {@code minutes}; liveness
   * starts only then, so a long first start is not killed halfway.
   */
  public static Probe startup(ProbeBuilder action, int minutes) {
    return action.withPeriodSeconds(10).withFailureThreshold(minutes * 6).build();
  }

  /** A TCP connect probe on the named port. */
  public static Probe tcp(String port, int initialDelaySeconds) {
    return new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket()
        .withInitialDelaySeconds(initialDelaySeconds).withPeriodSeconds(10).withFailureThreshold(6).build();
  }

  /** A probe running {@code command} in the container. */
  public static Probe exec(int initialDelaySeconds, String... command) {
    return new ProbeBuilder().withNewExec().withCommand(command).endExec()
        .withInitialDelaySeconds(initialDelaySeconds).withPeriodSeconds(10).withTimeoutSeconds(5)
        .withFailureThreshold(6).build();
  }

  /**
   * {@link #nodeSelector(Set, Optional)} plus the label of the class of nodes the app runs on
   * ({@code runsOn(nodesLabelled(key, value))}): a plain node selector, as a class is one label.
   */
  public static Map<String, String> nodeSelector(Set<Arch> arches, Optional<String> node, Optional<NodeClass> nodes) {
    Map<String, String> out = nodeSelector(arches, node);
    nodes.ifPresent(c -> out.put(c.key(), c.value()));
    return out;
  }

  /** {@code kubernetes.io/arch} when the image is single-arch, {@code kubernetes.io/hostname} when pinned. */
  public static Map<String, String> nodeSelector(Set<Arch> arches, Optional<String> node) {
    Map<String, String> out = new TreeMap<>();
    if (arches.size() == 1) {
      out.put("kubernetes.io/arch", arches.iterator().next().label());
    }
    node.ifPresent(n -> out.put("kubernetes.io/hostname", n));
    return out;
  }

  /**
   * Tolerations of the NoSchedule and NoExecute taints of the nodes a pod is pinned to: the node
   * of {@code runsOn(node)}, the taints every node of the class of {@code runsOn(nodesLabelled(...))}
   * carries. A node selector only narrows where a pod may go; such a taint on every node it allows
   * keeps the pod Pending (NoExecute also evicts it). Not PreferNoSchedule: it never keeps a pod off, and
   * tolerating it would stop the scheduler preferring a class's untainted nodes. Null (none) when
   * unpinned: an unpinned pod stays off tainted nodes, which is what a taint asks for. Also for the
   * jobs that run beside such a pod's node-local volume.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  public static List<Toleration> tolerations(Lab lab, Optional<String> node, Optional<NodeClass> nodes) {
    Set<TaintEffect> hard = EnumSet.of(TaintEffect.NO_SCHEDULE, TaintEffect.NO_EXECUTE);
    List<Toleration> out;
    if (node.isPresent()) {
      out = tolerations(node.flatMap(lab::node).stream().toList(), hard);
    } else {
      // A class: only the taints every node of it carries. A taint on some of them is the user
      // keeping pods off those (a dedicated box): the pod still has the others to go to.
      List<Node> members = nodes.map(c -> lab.nodes().stream().filter(c::matches).toList()).orElse(List.of());
      out = tolerations(members, hard).stream()
          .filter(t -> members.stream().allMatch(m -> m.taints().stream()
              .anyMatch(x -> x.key().equals(t.getKey()) && x.effect().value().equals(t.getEffect()))))
          .toList();
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * One toleration per taint key and effect of {@code nodes}, in node order, whatever the value
   * ({@code operator: Exists}): for a pod that must run on each of them (an upgrade job).
   */
  public static List<Toleration> tolerations(List<Node> nodes) {
    return tolerations(nodes, EnumSet.allOf(TaintEffect.class));
  }

  private static List<Toleration> tolerations(List<Node> nodes, Set<TaintEffect> effects) {
    Set<String> seen = new LinkedHashSet<>();
    List<Toleration> out = new ArrayList<>();
    for (Node n : nodes) {
      for (Taint t : n.taints()) {
        if (effects.contains(t.effect()) && seen.add(t.key() + ":" + t.effect().value())) {
          out.add(new TolerationBuilder().withKey(t.key()).withOperator("Exists").withEffect(t.effect().value()).build());
        }
      }
    }
    return out;
  }

  /** A plain environment variable. */
  public static EnvVar env(String name, String value) {
    EnvVar env = new EnvVar();
    env.setName(name);
    env.setValue(value);
    return env;
  }

  /** An environment variable read from a Secret: a reference, never the value. */
  public static EnvVar env(String name, SecretRef secret) {
    SecretKeySelector key = new SecretKeySelector();
    key.setName(secret.name());
    key.setKey(secret.key());
    EnvVarSource source = new EnvVarSource();
    source.setSecretKeyRef(key);
    EnvVar env = new EnvVar();
    env.setName(name);
    env.setValueFrom(source);
    return env;
  }
}
