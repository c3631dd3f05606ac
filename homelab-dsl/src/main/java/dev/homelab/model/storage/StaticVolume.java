package dev.homelab.model.storage;

import dev.homelab.model.host.Node;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * A pre-existing share mounted as a static PersistentVolume (the media disk), bound to a claim
 * of the same name in the namespace of the apps that use it.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class StaticVolume {
  StaticVolume() {}

  /**
   * Name of the PersistentVolume and of the claim bound to it. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Host that exports the disk over NFS. Required.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  @Value.Parameter
  public abstract String node();

  /**
   * Name of the disk on that host. Required.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  @Value.Parameter
  public abstract String disk();

  /**
   * Nominal capacity, e.g. {@code 4Ti}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  @Value.Parameter
  public abstract String size();

  /**
   * Mounted read-only. Default: false.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  @Value.Default
  public boolean isReadOnly() {
    return false;
  }

  /**
   * A static volume; all arguments required. Prefer {@link dev.homelab.Homelab#staticVolume}. Default:
   * read-write.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public static StaticVolume of(String name, Node node, String disk, String size) {
    required(name, ModelPaths.staticVolume(nameOrUnknown(name)), "StaticVolume.of(name, …)", "the volume's name", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(node, ModelPaths.staticVolume(nameOrUnknown(name)), "StaticVolume.of(…, node, …)", "the node with the disk", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(disk, ModelPaths.staticVolume(nameOrUnknown(name)), "StaticVolume.of(…, disk, …)", "a disk's name", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    required(size, ModelPaths.staticVolume(nameOrUnknown(name)), "StaticVolume.of(…, size)", "a size", "staticVolume(\"media\", nas, \"media\", \"2Ti\")");
    return ImmutableStaticVolume.of(name, node.name(), disk, size);
  }

  /**
   * Mounts the share read-only. Default: read-write.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public StaticVolume readOnly() {
    return copy().withReadOnly(true);
  }

  /** Broken invariants of this volume; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isSize(size()), Checks.SIZE_QUANTITY, () -> "size " + Texts.quote(size()) + " is not a quantity like 4Ti", "Write the size like \"4Ti\"")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableStaticVolume copy() {
    return (ImmutableStaticVolume) this;
  }
}
