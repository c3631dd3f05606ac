package dev.homelab.k8s;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the model to Kubernetes objects: one folder per component (platform components, data
 * services, apps), one file per object, a {@code kustomization.yaml} in every folder and one at the
 * root, so {@code kubectl apply -k k8s/} (or Flux) applies everything.
 *
 * <p>Extend it without forking: {@link #with(Component)} adds a component of your own, and
 * {@link #customize(ObjectCustomizer)} patches, replaces or drops any rendered object.
 */
public final class KubernetesBackend implements Backend {
  private final List<Component> components;
  private final List<ObjectCustomizer> customizers;

  /** The standard components. */
  public KubernetesBackend() {
    this(StandardComponents.all(), List.of());
  }

  private KubernetesBackend(List<Component> components, List<ObjectCustomizer> customizers) {
    this.components = List.copyOf(components);
    this.customizers = List.copyOf(customizers);
  }

  /** A backend that also renders {@code component}. */
  public KubernetesBackend with(Component component) {
    List<Component> all = new ArrayList<>(components);
    all.add(component);
    return new KubernetesBackend(all, customizers);
  }

  /** A backend that passes every rendered object through {@code customizer} before writing it. */
  public KubernetesBackend customize(ObjectCustomizer customizer) {
    List<ObjectCustomizer> all = new ArrayList<>(customizers);
    all.add(customizer);
    return new KubernetesBackend(components, all);
  }

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public RenderedFiles render(Lab lab) {
    RenderedFiles.Builder out = RenderedFiles.builder();
    TreeSet<String> folders = new TreeSet<>();
    for (Component component : components) {
      Map<String, String> files = new TreeMap<>();
      for (HasMetadata object : component.objects(lab)) {
        HasMetadata customized = object;
        for (ObjectCustomizer c : customizers) {
          if (customized != null) {
            customized = c.customize(customized);
          }
        }
        if (customized != null) {
          files.put(fileName(customized), KubernetesYaml.write(customized));
        }
      }
      if (files.isEmpty()) {
        continue;
      }
      String folder = component.folder();
      folders.add(folder);
      files.forEach((name, yaml) -> out.add(folder + "/" + name, yaml));
      component.extraFiles(lab).forEach((name, text) -> out.add(folder + "/" + name, text));
      out.add(folder + "/kustomization.yaml", kustomization(files.keySet()));
    }
    out.add("kustomization.yaml", kustomization(folders));
    return out.build();
  }

  /** {@code <kind>-<name>.yaml}, lower case. */
  static String fileName(HasMetadata object) {
    return object.getKind().toLowerCase(Locale.ROOT) + "-" + object.getMetadata().getName() + ".yaml";
  }

  private static String kustomization(Iterable<String> resources) {
    StringBuilder sb = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    for (String r : resources) {
      sb.append("  - ").append(r).append('\n');
    }
    return sb.toString();
  }
}
