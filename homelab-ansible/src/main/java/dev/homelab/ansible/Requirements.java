package dev.homelab.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code requirements.yml}: the collections site.yml's roles use (they ship with Debian's
 * {@code ansible} package, so the minimums are the versions there, and site.yml names no Galaxy
 * role: the chroot test in CI converges it with that package alone), and {@code ansible.utils},
 * which k3s-ansible needs but does not declare.
 */
final class Requirements {
  /**
   * k3s-ansible's roles use {@code ansible.utils.ipwrap} (added in ansible.utils 2.5.0, fixed in
   * 2.5.2) since its release 1.2.2, but its {@code galaxy.yml} lists only
   * community.general and ansible.posix as dependencies, so {@code ansible-galaxy collection install}
   * of it does not bring ansible.utils (k3s-io/k3s-ansible 1.2.2: galaxy.yml,
   * collections/requirements.yml, roles/k3s_agent/tasks/main.yml).
   */
  static final String ANSIBLE_UTILS_VERSION = ">=2.5.2,<6.0.0";

  /*
   * The upper bounds: the first release of each collection whose meta/runtime.yml
   * (requires_ansible) leaves out ansible-core 2.15, the oldest the README installs
   * (Docs.ANSIBLE_CORE_RANGE): ansible.posix 2.2.0 (>=2.16.0), community.general 11.0.0 (>=2.16.0),
   * ansible.utils 6.0.0 (>=2.16.0); every community.postgresql release still says >=2.9.10.
   * ansible-galaxy does not read requires_ansible (ansible/ansible#78539): without the bounds it
   * installs the newest release, which then warns on every run, or breaks, with the ansible-core
   * pip chose.
   */
  private static final String ANSIBLE_POSIX_VERSION = ">=1.5.0,<2.2.0";
  private static final String COMMUNITY_GENERAL_VERSION = ">=6.0.0,<11.0.0";

  private Requirements() {}

  static String render(dev.homelab.model.Lab lab, List<HostSystem> systems) {
    Map<String, Object> requirements = new LinkedHashMap<>();
    List<Object> collections = new ArrayList<>();
    // ansible.posix: mount (disks), sysctl (WireGuard); community.general: timezone (always), filesystem,
    // modprobe (WireGuard).
    if (systems.stream().anyMatch(s -> (s instanceof DiskSystem || s instanceof WireGuardSystem) && s.present())) {
      collections.add(entry("ansible.posix", ANSIBLE_POSIX_VERSION));
    }
    collections.add(entry("community.general", COMMUNITY_GENERAL_VERSION));
    // postgresql_user: compares the password with the stored SCRAM verifier (2.4.2 is Debian 12's).
    if (systems.stream().anyMatch(s -> s instanceof PostgresSystem && s.present())) {
      collections.add(entry("community.postgresql", ">=2.4.2"));
    }
    collections.add(entry("ansible.utils", ANSIBLE_UTILS_VERSION));
    requirements.put("collections", collections);
    return Yaml.file("""
        Collections site.yml uses, and ansible.utils, which k3s-ansible needs (ipwrap; the Python
        library netaddr next to Ansible too) without declaring it: ansible-galaxy install -r requirements.yml
        k3s itself comes from the k3s.orchestration collection (README.md).""", requirements);
  }

  private static Map<String, Object> entry(String name, String version) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("version", version);
    return entry;
  }
}
