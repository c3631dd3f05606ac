package dev.homelab.k8s.apps;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps of one group ({@code app(...).group("media")}) in folder {@code apps/<group>} and
 * namespace {@code <group>}: the namespace and its default-deny once, then each app's own objects,
 * named {@code <app>-...} where an app alone would have a short name ({@link AppNames}). Each app
 * still admits only its own pods, Traefik, the apps that {@code uses()} it and Prometheus: sharing
 * the namespace opens no flow between the apps of a group.
 *
 * <p>Pod Security is restricted; validation ({@code group-pod-security}) lets a root app share a
 * group only with other root apps, which then get baseline with every app's reason.
 */
final class AppGroupComponent implements Component {
  private final String group;
  private final List<App> apps;

  AppGroupComponent(String group, List<App> apps) {
    this.group = group;
    this.apps = List.copyOf(apps);
  }

  @Override
  public String folder() {
    return "apps/" + group;
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    List<String> root = apps.stream().filter(a -> a.runAsRoot().isPresent())
        .map(a -> a.name() + " runs as root: " + a.runAsRoot().get()).toList();
    out.add(root.isEmpty() ? Namespaces.restricted(group) : Namespaces.baseline(group, String.join("; ", root)));
    out.add(NetworkPolicies.defaultDeny(group));
    for (App app : apps) {
      out.addAll(AppComponent.appObjects(lab, app));
    }
    return out;
  }
}
