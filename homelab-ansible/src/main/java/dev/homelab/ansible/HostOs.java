package dev.homelab.ansible;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one host OS the local roles are written for: Debian 12 (bookworm), which Raspberry Pi OS
 * bookworm reports too (Ansible's distribution facts map both its 64-bit {@code ID=debian} and
 * its 32-bit {@code ID=raspbian} images to {@code Debian}, major version {@code 12}: ansible-core
 * {@code module_utils/facts/system/distribution.py}, {@code parse_distribution_file_Debian}).
 * Package names depend on it ({@code postgresql-15} exists only there), so the host playbook
 * asserts it on every host and {@link AnsibleChecks} rejects what it does not ship.
 *
 * @see <a href="https://www.debian.org/releases/bookworm/">Debian 12 bookworm</a>
 */
final class HostOs {
  /** {@code ansible_facts['distribution']}. */
  static final String DISTRIBUTION = "Debian";
  /** {@code ansible_facts['distribution_major_version']}. */
  static final String MAJOR_VERSION = "12";
  static final String RELEASE = "bookworm";
  /** The PostgreSQL major version the release packages ({@code postgresql-15}). */
  static final String POSTGRES_VERSION = "15";

  private HostOs() {}

  /** How the docs and messages name it. */
  static String title() {
    return DISTRIBUTION + " " + MAJOR_VERSION + " (" + RELEASE + ")";
  }

  /** {@code homelab_base_os} of {@code vars/base.yml}, what the base role asserts. */
  static Map<String, Object> facts() {
    Map<String, Object> os = new LinkedHashMap<>();
    os.put("distribution", DISTRIBUTION);
    os.put("major_version", MAJOR_VERSION);
    os.put("release", RELEASE);
    return os;
  }
}
