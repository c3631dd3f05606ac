package dev.homelab.k8s;

import java.util.ArrayList;
import java.util.List;

/** The components the backend renders by default, in folder order. */
final class StandardComponents {
  private StandardComponents() {}

  static List<Component> all() {
    List<Component> all = new ArrayList<>();
    all.addAll(dev.homelab.k8s.platform.PlatformComponents.all());
    return all;
  }
}
