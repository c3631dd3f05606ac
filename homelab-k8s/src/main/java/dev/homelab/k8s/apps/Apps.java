package dev.homelab.k8s.apps;

import dev.homelab.k8s.Component;
import dev.homelab.model.Lab;
import dev.homelab.model.app.LabValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;

/** Every app of the lab, each in its own folder {@code apps/<name>} and namespace. */
public final class Apps implements Component {
  @Override
  public String folder() {
    return "apps";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    return List.of();
  }

  @Override
  public List<Component> expand(Lab lab) {
    // Each app as it runs in this lab: its lab values (host, domain, pod network) and image pin resolved.
    return lab.apps().stream().map(a -> new AppComponent(LabValue.resolve(a, lab))).collect(Collectors.toList());
  }
}
