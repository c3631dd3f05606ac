package dev.homelab.ansible;

import dev.homelab.model.Lab;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every node: the supported OS ({@link HostOs}, asserted before anything else runs), the host
 * name of its inventory entry (k3s gets it as {@code node-name} too, see {@link K3sConfig#node}),
 * a fresh apt cache, the lab's time zone (every timer below runs in it) and rsyslog: Debian 12
 * logs only to journald, and the CrowdSec agent reads {@code /var/log/auth.log} and
 * {@code /var/log/syslog} from the hosts.
 */
final class BaseSystem extends HostSystem {
  BaseSystem(Lab lab) {
    super(lab, "base", "Base: OS check, host name, apt cache, time zone and rsyslog on every node");
  }

  @Override
  Map<String, List<String>> groups() {
    return Map.of();
  }

  @Override
  boolean present() {
    return true;
  }

  @Override
  String hosts() {
    return K3sInventory.CLUSTER;
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_base_os", HostOs.facts());
    vars.put("homelab_base_time_zone", lab.timeZone());
    return vars;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_base");
  }
}
