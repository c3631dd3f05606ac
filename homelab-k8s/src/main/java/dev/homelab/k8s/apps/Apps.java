package dev.homelab.k8s.apps;

import dev.homelab.k8s.Component;
import dev.homelab.model.Lab;
import dev.homelab.model.app.LabValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.homelab.model.app.App;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every app of the lab: each in its own folder {@code apps/<name>} and namespace, or, for the apps
 * of a group, all in folder and namespace {@code apps/<group>}.
 */
public final class Apps implements Component {
  @Override
  public String folder() {
    return "apps";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    return List.of();
  }

  /** An app alone in its namespace is a component; the apps of a group are one, where its first app is declared. */
  @Override
  public List<Component> expand(Lab lab) {
    // Each app as it runs in this lab: its lab values (host, domain, pod network) and image pin resolved.
    List<App> apps = lab.apps().stream().map(a -> LabValue.resolve(a, lab)).toList();
    Map<String, List<App>> groups = new LinkedHashMap<>();
    apps.forEach(a -> a.group().ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(a)));
    List<Component> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (App app : apps) {
      if (app.group().isEmpty()) {
        out.add(new AppComponent(app));
      } else if (placed.add(app.group().get())) {
        out.add(new AppGroupComponent(app.group().get(), groups.get(app.group().get())));
      }
    }
    return out;
  }
}
