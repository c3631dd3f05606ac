package dev.homelab.k8s;

import dev.homelab.k8s.apps.Apps;
import dev.homelab.k8s.data.DataServices;
import dev.homelab.k8s.metallb.MetalLbComponent;
import dev.homelab.k8s.platform.PlatformComponents;
import dev.homelab.k8s.traefik.TraefikComponent;
import java.util.ArrayList;
import java.util.List;

/** The components the backend renders by default, in folder order. */
final class StandardComponents {
  private StandardComponents() {}

  static List<Component> all() {
    List<Component> all = new ArrayList<>();
    all.add(new MetalLbComponent());
    all.add(new TraefikComponent());
    all.addAll(PlatformComponents.all());
    all.add(new DataServices());
    all.add(new Apps());
    return all;
  }
}
