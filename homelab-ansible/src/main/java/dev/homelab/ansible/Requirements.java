package dev.homelab.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code requirements.yml}: the Galaxy roles site.yml names and the collections its roles use
 * (both ship with Debian's {@code ansible} package, so the minimums are the versions there).
 */
final class Requirements {
  private Requirements() {}

  static String render(List<HostSystem> systems) {
    Map<String, Object> requirements = new LinkedHashMap<>();
    List<Object> roles = new ArrayList<>();
    if (systems.stream().anyMatch(s -> s instanceof WireGuardSystem && s.present())) {
      roles.add(entry(WireGuardSystem.ROLE, WireGuardSystem.ROLE_VERSION));
    }
    if (!roles.isEmpty()) {
      requirements.put("roles", roles);
    }
    List<Object> collections = new ArrayList<>();
    // ansible.posix: mount (disks), sysctl (WireGuard); community.general: timezone (always), filesystem.
    if (systems.stream().anyMatch(s -> (s instanceof DiskSystem || s instanceof WireGuardSystem) && s.present())) {
      collections.add(entry("ansible.posix", ">=1.5.0"));
    }
    collections.add(entry("community.general", ">=6.0.0"));
    requirements.put("collections", collections);
    return Yaml.file("""
        Galaxy content site.yml uses: ansible-galaxy install -r requirements.yml
        k3s itself comes from the k3s.orchestration collection (README.md).""", requirements);
  }

  private static Map<String, Object> entry(String name, String version) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("version", version);
    return entry;
  }
}
