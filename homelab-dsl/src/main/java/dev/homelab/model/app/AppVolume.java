package dev.homelab.model.app;

import dev.homelab.model.HomelabStyle;
import dev.homelab.model.Names;
import dev.homelab.model.Violation;
import dev.homelab.model.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume mounted into an app: a new claim of a size and class, or a static volume. */
@Value.Immutable
@HomelabStyle
public abstract class AppVolume {
  AppVolume() {}

  @Value.Parameter
  public abstract String name();

  /** Path inside the container. */
  @Value.Parameter
  public abstract String mountPath();

  /** Size of a new claim, e.g. {@code 50Gi}. Empty for a static volume. */
  public abstract Optional<String> size();

  /** StorageClass of a new claim. Default: the cluster default. */
  public abstract Optional<String> storageClass();

  /** Name of the static volume mounted instead of a new claim. */
  public abstract Optional<String> staticVolume();

  public static AppVolume claim(String name, String mountPath, String size) {
    return ImmutableAppVolume.of(name, mountPath).withSize(size);
  }

  public static AppVolume ofStatic(String staticVolume, String mountPath) {
    return ImmutableAppVolume.of(staticVolume, mountPath).withStaticVolume(staticVolume);
  }

  /** Claims from this StorageClass. Default: the cluster default class. */
  public AppVolume storageClass(String name) {
    return copy().withStorageClass(name);
  }

  /** Broken invariants of this volume; empty when it is sound. Never throws. */
  public List<Violation> violations() {
    Violations v = new Violations()
        .when(!Names.isAbsolutePath(mountPath()), "absolute-path", () -> "mount path '" + mountPath() + "' is not absolute",
            "Mount it at an absolute path, e.g. \"/" + mountPath().replaceFirst("^/*", "") + "\"");
    size().ifPresent(s -> v.when(!Names.isSize(s), "size-quantity", () -> "size '" + s + "' is not a quantity like 10Gi",
        "Write the size like \"10Gi\""));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableAppVolume copy() {
    return (ImmutableAppVolume) this;
  }
}
