package dev.homelab.k8s;

import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * One folder of the Kubernetes output: a platform component, a data service or an app, with its
 * namespace and every object it needs. A component that the lab does not use returns no objects
 * and gets no folder.
 */
public interface Component {

  /** Folder under {@code k8s/}, e.g. {@code metallb} or {@code apps/nextcloud}. */
  String folder();

  /**
   * The objects of this component for {@code lab}, in a stable order; empty when unused. Called on
   * the thread that renders; the backend writes the objects on other threads while the next
   * components run, so return new objects (or ones nothing changes later), not ones kept to change.
   */
  List<HasMetadata> objects(Lab lab);

  /** Non-manifest files of the folder (relative path to text), e.g. a README; default none. */
  default Map<String, String> extraFiles(Lab lab) {
    return Map.of();
  }

  /**
   * The components this one stands for in {@code lab}: itself by default. A component with one
   * folder per model element (an app, a data service) returns one component per element, so the
   * list of standard components stays independent of the lab.
   */
  default List<Component> expand(Lab lab) {
    return List.of(this);
  }
}
