package dev.homelab.model.app;

import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import dev.homelab.validation.Problem;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StorageKind;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume mounted into an app: a new claim of a size and class, or a static volume. */
@Value.Immutable
@HomelabStyle
public abstract class AppVolume {
  AppVolume() {}

  /**
   * Name of the claim, or of the static volume. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims">PersistentVolumeClaims</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Path inside the container. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/volumes/">volumes</a>
   */
  @Value.Parameter
  public abstract String mountPath();

  /**
   * Size of a new claim, e.g. {@code 50Gi}. Required for a claim; empty for a static volume.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims">PersistentVolumeClaims</a>
   */
  public abstract Optional<String> size();

  /**
   * StorageClass of a new claim, when named. Default: none, the class follows from {@link #storageKind()}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public abstract Optional<String> storageClass();

  /**
   * Where a new claim lives when it names no class. Default: {@link StorageKind#SHARED} (the lab's NFS
   * class); SQLite and database files belong on {@link StorageKind#LOCAL}.
   *
   * @see <a href="https://docs.k3s.io/storage">k3s storage</a>
   */
  @Value.Default
  public StorageKind storageKind() {
    return StorageKind.SHARED;
  }

  /**
   * Name of the static volume mounted instead of a new claim. Default: none (a new claim).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public abstract Optional<String> staticVolume();

  /**
   * A new claim; all arguments required. Prefer {@link dev.homelab.Homelab#claim}. Default: on the lab's
   * shared NFS class ({@link StorageKind#SHARED}).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims">PersistentVolumeClaims</a>
   */
  public static AppVolume claim(String name, String mountPath, String size) {
    required(name, ModelPaths.appVolume(Arguments.UNKNOWN, nameOrUnknown(name)), "claim(name, …)", "the volume's name", "claim(\"data\", \"/data\", \"10Gi\")");
    required(mountPath, ModelPaths.appVolume(Arguments.UNKNOWN, nameOrUnknown(name)), "claim(…, mountPath, …)", "an absolute mount path", "claim(\"data\", \"/data\", \"10Gi\")");
    required(size, ModelPaths.appVolume(Arguments.UNKNOWN, nameOrUnknown(name)), "claim(…, size)", "a size", "claim(\"data\", \"/data\", \"10Gi\")");
    return ImmutableAppVolume.of(name, mountPath).withSize(size);
  }

  /**
   * A static volume mounted at {@code mountPath}; both required. Prefer {@link dev.homelab.Homelab#mount}.
   * Default: no StorageClass, no size (the volume has them).
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/persistent-volumes/#static">static provisioning</a>
   */
  public static AppVolume ofStatic(String staticVolume, String mountPath) {
    required(staticVolume, ModelPaths.appVolume(Arguments.UNKNOWN, nameOrUnknown(staticVolume)), "ofStatic(staticVolume, …)", "a static volume's name", "mount(media, \"/media\")");
    required(mountPath, ModelPaths.appVolume(Arguments.UNKNOWN, nameOrUnknown(staticVolume)), "ofStatic(…, mountPath)", "an absolute mount path", "mount(media, \"/media\")");
    return ImmutableAppVolume.of(staticVolume, mountPath).withStaticVolume(staticVolume);
  }

  /**
   * Claims from this StorageClass. Default: the class of {@link #storageKind()}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public AppVolume storageClass(NfsStorageClass storageClass) {
    required(storageClass, ModelPaths.appVolume(Arguments.UNKNOWN, name()), ".storageClass(storageClass)", "an NFS StorageClass of the lab", ".storageClass(nfsData)");
    return copy().withStorageClass(storageClass.name());
  }

  /**
   * Keeps this claim on the disk of the node that runs the app (k3s' {@code local-path}), as SQLite
   * and database files need; the app then stays on that node. Default: shared (NFS).
   *
   * @see <a href="https://docs.k3s.io/storage#setting-up-the-local-storage-provider">k3s local-path provisioner</a>
   * @see <a href="https://www.sqlite.org/faq.html#q5">SQLite FAQ: NFS and file locking</a>
   */
  public AppVolume local() {
    return copy().withStorageKind(StorageKind.LOCAL);
  }

  /**
   * Keeps this claim on the lab's shared NFS class, so the app can move between nodes. Default: shared.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs">csi-driver-nfs</a>
   */
  public AppVolume shared() {
    return copy().withStorageKind(StorageKind.SHARED);
  }

  /** Broken invariants of this volume; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(!Names.isAbsolutePath(mountPath()), Checks.ABSOLUTE_PATH,
            () -> "mount path " + Texts.quote(mountPath()) + " is not a plain absolute path",
            () -> "Mount it at an absolute path of letters, digits and ._-, e.g. \"" + Names.suggestPath(mountPath(), "/data") + "\"");
    size().ifPresent(s -> v.when(!Names.isSize(s), Checks.SIZE_QUANTITY, () -> "size " + Texts.quote(s) + " is not a quantity like 10Gi",
        "Write the size like \"10Gi\""));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableAppVolume copy() {
    return (ImmutableAppVolume) this;
  }
}
