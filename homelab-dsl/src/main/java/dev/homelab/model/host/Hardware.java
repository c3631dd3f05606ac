package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;

import dev.homelab.internal.Arguments;
import dev.homelab.internal.Quantities;
import dev.homelab.internal.Texts;
import dev.homelab.model.HomelabStyle;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import java.math.BigDecimal;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a host is: {@code hardware("Raspberry Pi 5 8GB", 4, "8Gi")}. The validation compares the
 * requests of the apps placed on a node with its cores and memory (less the system reserve, see
 * {@link #allocatableCpu(NodeRole)}).
 *
 * @see <a href="https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/">reserve compute resources for system daemons</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Hardware {
  /**
   * What k3s, the OS and the kubelet keep for themselves on a server (embedded etcd, API server,
   * controllers): 1 core and 2Gi, k3s' documented minimum for a server. An agent keeps half a core
   * and 1Gi. Pods get the rest.
   *
   * @see <a href="https://docs.k3s.io/installation/requirements#hardware">k3s hardware requirements</a>
   * @see <a href="https://docs.k3s.io/reference/resource-profiling">k3s resource profiling</a>
   */
  private static final BigDecimal SERVER_CPU = BigDecimal.ONE;
  private static final BigDecimal SERVER_MEMORY = BigDecimal.valueOf(2L * 1024 * 1024 * 1024);
  private static final BigDecimal AGENT_CPU = new BigDecimal("0.5");
  private static final BigDecimal AGENT_MEMORY = BigDecimal.valueOf(1024L * 1024 * 1024);

  Hardware() {}

  /**
   * Model name, e.g. {@code Raspberry Pi 5 8GB} or {@code Intel NUC 11 Pro}. Required.
   *
   * @see <a href="https://www.raspberrypi.com/products/raspberry-pi-5/">Raspberry Pi 5</a>
   */
  @Value.Parameter
  public abstract String model();

  /**
   * CPU cores (threads the kernel schedules on). Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-cpu">meaning of CPU</a>
   */
  @Value.Parameter
  public abstract int cores();

  /**
   * Memory as a Kubernetes quantity, e.g. {@code 8Gi}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-memory">meaning of memory</a>
   */
  @Value.Parameter
  public abstract String memory();

  /**
   * Hardware of a host; prefer {@link dev.homelab.Homelab#hardware}. Required: model, cores and memory.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/">reserve compute resources for system daemons</a>
   */
  public static Hardware of(String model, int cores, String memory) {
    String path = ModelPaths.node(Arguments.UNKNOWN) + "/hardware";
    required(model, path, "Hardware.of(model, …)", "the model name", "hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")");
    required(memory, path, "Hardware.of(…, memory)", "a memory size", "hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")");
    return ImmutableHardware.of(model, cores, memory);
  }

  /** Cores pods can request on a node of {@code role}: {@link #cores()} less the system reserve; may be zero or less. */
  public BigDecimal allocatableCpu(NodeRole role) {
    required(role, ModelPaths.node(Arguments.UNKNOWN) + "/hardware", "allocatableCpu(role)", "a node role", "hardware.allocatableCpu(NodeRole.WORKER)");
    return BigDecimal.valueOf(cores()).subtract(role == NodeRole.CONTROL_PLANE ? SERVER_CPU : AGENT_CPU);
  }

  /** Bytes pods can request on a node of {@code role}: {@link #memory()} less the system reserve; zero when unreadable. */
  public BigDecimal allocatableMemory(NodeRole role) {
    required(role, ModelPaths.node(Arguments.UNKNOWN) + "/hardware", "allocatableMemory(role)", "a node role", "hardware.allocatableMemory(NodeRole.WORKER)");
    return Quantities.value(memory()).orElse(BigDecimal.ZERO).subtract(role == NodeRole.CONTROL_PLANE ? SERVER_MEMORY : AGENT_MEMORY);
  }

  /** Broken invariants of this hardware; empty when sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(model().isBlank() || !Texts.oneLine(model()).equals(model()), Checks.NODE_HARDWARE,
            () -> "hardware model " + Texts.quote(model()) + " is not a name on one line",
            "Name the model, e.g. hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")")
        .when(cores() < 1, Checks.NODE_HARDWARE, () -> "hardware has " + cores() + " CPU cores, at least 1 is needed",
            "Pass the core count, e.g. hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")")
        .when(!Quantities.isSize(memory()), Checks.NODE_HARDWARE, () -> "hardware memory " + Texts.quote(memory()) + " is not a memory size",
            "Use a quantity like \"8Gi\"")
        .list();
  }
}
