package dev.homelab.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** ServiceLoader discovery of backends, a convenience over registering them explicitly. */
public final class Backends {
  private Backends() {}

  /** Every backend on the class path, sorted by name. */
  public static List<Backend> discover() {
    List<Backend> found = new ArrayList<>();
    ServiceLoader.load(Backend.class).forEach(found::add);
    found.sort(Comparator.comparing(Backend::name));
    return found;
  }
}
