package dev.homelab.k8s.data;

import dev.homelab.k8s.Component;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Collectors;

/** Every data service of the lab, each in its own folder {@code data/<name>} and namespace. */
public final class DataServices implements Component {
  @Override
  public String folder() {
    return "data";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    return List.of();
  }

  @Override
  public List<Component> expand(Lab lab) {
    return lab.dataServices().stream().map(s -> new DataServiceComponent(s.name())).collect(Collectors.toList());
  }
}
