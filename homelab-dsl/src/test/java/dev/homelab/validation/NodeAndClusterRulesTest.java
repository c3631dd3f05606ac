package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class NodeAndClusterRulesTest {

  @Test
  void should_reject_a_lab_without_lan() {
    Expect.only(homelab("test").nodes(node("pi1").controlPlane()).cluster(k3s("v1.33.4+k3s1")), Checks.LAN_CIDR,
        "homelab: no LAN is set. Call homelab.lan(\"192.168.1.0/24\")");
  }

  @Test
  void should_reject_a_lan_with_host_bits() {
    Expect.only(minimal().lan("192.168.1.1/24"), Checks.LAN_CIDR,
        "homelab: LAN '192.168.1.1/24' is not an IPv4 CIDR with its host bits zero. Write it like lan(\"192.168.1.0/24\")");
  }

  @Test
  void should_reject_a_lab_without_nodes() {
    Expect.only(homelab("test").lan("192.168.1.0/24").cluster(k3s("v1.33.4+k3s1")), Checks.NODES_PRESENT,
        "homelab/nodes: the homelab has no nodes. Add one with homelab.nodes(node(\"pi1\").controlPlane())");
  }

  @Test
  void should_reject_a_lab_without_control_plane() {
    Expect.only(homelab("test").lan("192.168.1.0/24").nodes(node("pi1")).cluster(k3s("v1.33.4+k3s1")), Checks.NODES_PRESENT,
        "homelab/nodes: no node is a control plane. Call .controlPlane() on pi1 (or on 3 nodes for HA)");
  }

  @Test
  void should_reject_a_node_ip_outside_the_lan() {
    Expect.only(minimal().nodes(node("nuc").ip("10.0.0.5")), Checks.NODE_IP,
        "homelab/nodes/nuc: IP 10.0.0.5 is outside the LAN 192.168.1.0/24. Use an address inside 192.168.1.0/24 or fix homelab.lan(...)");
  }

  @Test
  void should_reject_a_malformed_node_ip() {
    Expect.only(minimal().nodes(node("nuc").ip("192.168.1")), Checks.NODE_IP,
        "homelab/nodes/nuc: IP '192.168.1' is not an IPv4 address. Write it like .ip(\"192.168.1.11\")");
  }

  @Test
  void should_reject_a_node_on_the_network_address_of_the_lan() {
    Expect.only(minimal().nodes(node("nuc").ip("192.168.1.0")), Checks.NODE_IP,
        "homelab/nodes/nuc: IP 192.168.1.0 is the network address of the LAN 192.168.1.0/24. Use an address between 192.168.1.1 and 192.168.1.254");
  }

  @Test
  void should_reject_a_node_on_the_broadcast_address_of_the_lan() {
    Expect.only(minimal().nodes(node("nuc").ip("192.168.1.255")), Checks.NODE_IP,
        "homelab/nodes/nuc: IP 192.168.1.255 is the broadcast address of the LAN 192.168.1.0/24. Use an address between 192.168.1.1 and 192.168.1.254");
  }

  @Test
  void should_reject_a_node_ip_written_as_mapped_ipv6() {
    Expect.only(minimal().nodes(node("nuc").ip("::ffff:192.168.1.12")), Checks.NODE_IP,
        "homelab/nodes/nuc: IP '::ffff:192.168.1.12' is not an IPv4 address. Write it like .ip(\"192.168.1.11\")");
  }

  @Test
  void should_reject_duplicated_node_ips() {
    Expect.only(minimal().nodes(node("nuc").ip("192.168.1.11")), Checks.NODE_IP_UNIQUE,
        "homelab/nodes/nuc: IP 192.168.1.11 is already used by node pi1. Give each node its own address");
  }

  @Test
  void should_reject_a_lab_without_cluster() {
    Expect.only(homelab("test").lan("192.168.1.0/24").nodes(node("pi1").controlPlane()), Checks.K3S_PRESENT,
        "homelab/cluster: no k3s cluster is defined. Call homelab.cluster(k3s(\"v1.33.4+k3s1\"))");
  }

  @Test
  void should_reject_malformed_k3s_version() {
    Expect.only(minimal().cluster(k3s("1.33")), Checks.K3S_VERSION,
        "homelab/cluster: version '1.33' is not a k3s release like v1.33.4+k3s1. Use a tag from https://github.com/k3s-io/k3s/releases");
  }

  private static Lab servers(int count) {
    Lab lab = homelab("test").lan("192.168.1.0/24");
    for (int i = 1; i <= count; i++) {
      lab = lab.nodes(node("pi" + i).arm64().controlPlane().ip("192.168.1." + (10 + i)));
    }
    return lab;
  }

  @Test
  void should_reject_even_number_of_servers() {
    Expect.only(servers(4).cluster(k3s("v1.33.4+k3s1").ha()), Checks.ETCD_ODD_SERVERS,
        "homelab/cluster: HA with embedded etcd needs an odd number of servers, found 4. Make 5 or 3 nodes controlPlane()");
  }

  @Test
  void should_ask_for_ha_when_several_servers_form_embedded_etcd_anyway() {
    // k3s-ansible starts the first server with cluster-init and joins the others to its etcd
    Expect.only(servers(2).cluster(k3s("v1.33.4+k3s1")), Checks.ETCD_ODD_SERVERS,
        "homelab/cluster: 2 controlPlane() nodes form an embedded etcd cluster, which needs .ha(). "
            + "Call .ha() with 3 controlPlane() nodes, or keep one controlPlane() node");
    Expect.none(servers(1).cluster(k3s("v1.33.4+k3s1")));
  }

  @Test
  void should_reject_ha_with_one_server() {
    Expect.only(servers(1).cluster(k3s("v1.33.4+k3s1").ha()), Checks.ETCD_ODD_SERVERS,
        "homelab/cluster: HA with embedded etcd needs at least 3 servers, found 1. Make 3 nodes controlPlane(), or drop .ha()");
  }

  @Test
  void should_accept_three_servers_in_ha() {
    Expect.none(servers(3).cluster(k3s("v1.33.4+k3s1").ha()));
  }

  @Test
  void should_reject_a_malformed_cluster_cidr() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").clusterCidr("10.42.0.0")), Checks.K3S_CIDRS,
        "homelab/cluster: cluster CIDR '10.42.0.0' is not an IPv4 CIDR with its host bits zero. Call .clusterCidr(\"10.42.0.0/16\")");
  }

  @Test
  void should_reject_overlapping_cluster_and_service_cidrs() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").serviceCidr("10.42.128.0/17")), Checks.K3S_CIDRS,
        "homelab/cluster: cluster CIDR 10.42.0.0/16 overlaps service CIDR 10.42.128.0/17. "
            + "Use disjoint networks, e.g. the defaults 10.42.0.0/16 and 10.43.0.0/16");
  }

  @Test
  void should_reject_cluster_cidr_overlapping_the_lan() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").clusterCidr("192.168.0.0/16")), Checks.K3S_CIDR_LAN,
        "homelab/cluster: cluster CIDR 192.168.0.0/16 overlaps the LAN 192.168.1.0/24. "
            + "Pick a pod network outside the LAN with .clusterCidr(...), e.g. the default 10.42.0.0/16");
  }

  @Test
  void should_reject_service_cidr_overlapping_the_lan() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").serviceCidr("192.168.1.0/24")), Checks.K3S_CIDR_LAN,
        "homelab/cluster: service CIDR 192.168.1.0/24 overlaps the LAN 192.168.1.0/24. "
            + "Pick a service network outside the LAN with .serviceCidr(...), e.g. the default 10.43.0.0/16");
  }

  @Test
  void should_reject_an_api_endpoint_given_as_a_url() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").apiEndpoint("https://k3s.example.com:6443")), Checks.API_ENDPOINT,
        "homelab/cluster: API endpoint 'https://k3s.example.com:6443' is neither an IPv4 address nor a DNS name "
            + "(it becomes a TLS SAN and k3s-ansible's api_endpoint). Call .apiEndpoint(\"k3s.example.com\"), without scheme, port or path");
  }

  @Test
  void should_reject_a_tls_san_that_is_not_a_host() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").tlsSan("k3s.example.com", "not a host")), Checks.API_ENDPOINT,
        "homelab/cluster: TLS SAN 'not a host' is neither an IPv4 address nor a DNS name (k3s writes it into the API server's certificate). "
            + "Call .tlsSan(\"k3s.example.com\"), without scheme, port or path");
  }

  @Test
  void should_reject_an_api_endpoint_that_is_a_mistyped_address() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").apiEndpoint("192.168.1.300")), Checks.API_ENDPOINT,
        "homelab/cluster: API endpoint '192.168.1.300' is neither an IPv4 address nor a DNS name "
            + "(it becomes a TLS SAN and k3s-ansible's api_endpoint). Call .apiEndpoint(\"192.168.1.10\"), without scheme, port or path");
  }

  @Test
  void should_accept_an_api_endpoint_that_is_a_dns_name() {
    Expect.none(minimal().cluster(k3s("v1.33.4+k3s1").apiEndpoint("k3s.example.com")));
  }

  @Test
  void should_reject_an_api_endpoint_outside_the_lan() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").apiEndpoint("10.1.2.3")), Checks.API_ENDPOINT_IN_LAN,
        "homelab/cluster: API endpoint 10.1.2.3 is outside the LAN 192.168.1.0/24. Use a LAN address or a DNS name in .apiEndpoint(...)");
  }

  @Test
  void should_reject_an_api_endpoint_on_the_broadcast_address_of_the_lan() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").apiEndpoint("192.168.1.255")), Checks.API_ENDPOINT_IN_LAN,
        "homelab/cluster: API endpoint 192.168.1.255 is the broadcast address of the LAN 192.168.1.0/24. "
            + "Use an address between 192.168.1.1 and 192.168.1.254 or a DNS name in .apiEndpoint(...)");
  }

  @Test
  void should_reject_etcd_snapshots_without_ha() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").etcdSnapshots(etcdSnapshots())), Checks.ETCD_SNAPSHOTS_NEED_HA,
        "homelab/cluster: etcd snapshots need embedded etcd, but a cluster without .ha() runs on SQLite. "
            + "Call .ha() with 3 controlPlane() nodes, or drop .etcdSnapshots(...)");
  }

  @Test
  void should_reject_etcd_snapshots_to_an_unknown_s3_target() {
    Expect.only(servers(3).cluster(k3s("v1.33.4+k3s1").ha().etcdSnapshots(etcdSnapshots().toS3(offsite()))),
        Checks.ETCD_S3_TARGET_KNOWN,
        "homelab/cluster: etcd snapshot target offsite is not defined. Add it with homelab.backups(s3(\"offsite\", endpoint, bucket))");
  }

  @Test
  void should_reject_a_malformed_etcd_snapshot_schedule() {
    Expect.only(servers(3).cluster(k3s("v1.33.4+k3s1").ha().etcdSnapshots(etcdSnapshots().schedule("every 6h"))),
        Checks.CRON_SCHEDULE,
        "homelab/cluster: etcd snapshot schedule 'every 6h' is not a five-field cron. Call etcdSnapshots().schedule(\"0 */12 * * *\")");
  }

  @Test
  void should_reject_keeping_no_etcd_snapshot() {
    Expect.only(servers(3).cluster(k3s("v1.33.4+k3s1").ha().etcdSnapshots(etcdSnapshots().retention(0))), Checks.ETCD_RETENTION,
        "homelab/cluster: etcd snapshot retention is 0, at least 1 is needed. Call etcdSnapshots().retention(5)");
  }

  @Test
  void should_reject_a_malformed_pinned_upgrade_version() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().version("1.34"))), Checks.UPGRADE_VERSION,
        "homelab/cluster: pinned upgrade version '1.34' is not a k3s release like v1.33.4+k3s1. "
            + "Pin a tag from https://github.com/k3s-io/k3s/releases with autoUpgrade().version(...)");
  }

  @Test
  void should_reject_a_pinned_upgrade_that_downgrades() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().version("v1.33.3+k3s2"))), Checks.UPGRADE_VERSION,
        "homelab/cluster: pinned upgrade version v1.33.3+k3s2 is older than the cluster version v1.33.4+k3s1. "
            + "Pin v1.33.4+k3s1 or newer with autoUpgrade().version(...)");
  }

  @Test
  void should_reject_an_upgrade_channel_of_an_older_minor_that_would_downgrade() {
    Expect.only(minimal().cluster(k3s("v1.34.1+k3s1").upgrades(autoUpgrade().channel("v1.33"))), Checks.UPGRADE_VERSION,
        "homelab/cluster: upgrade channel v1.33 is older than the cluster version v1.34.1+k3s1, so its plans would downgrade the nodes. "
            + "Follow v1.34 or a newer minor, or \"stable\", with autoUpgrade().channel(...)");
  }

  @Test
  void should_accept_an_upgrade_channel_of_the_cluster_minor_or_a_named_one() {
    Expect.none(minimal().cluster(k3s("v1.34.1+k3s1").upgrades(autoUpgrade().channel("v1.34"))));
    Expect.none(minimal().cluster(k3s("v1.34.1+k3s1").upgrades(autoUpgrade().channel("v1.35"))));
    Expect.none(minimal().cluster(k3s("v1.34.1+k3s1").upgrades(autoUpgrade().channel("latest"))));
  }

  @Test
  void should_reject_an_unknown_upgrade_channel() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().channel("newest"))), Checks.UPGRADE_VERSION,
        "homelab/cluster: upgrade channel 'newest' is not stable, latest, testing or a minor like v1.33. Call autoUpgrade().channel(\"stable\")");
  }

  @Test
  void should_reject_zero_upgrade_concurrency() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().concurrency(0))), Checks.UPGRADE_CONCURRENCY,
        "homelab/cluster: upgrade concurrency is 0, at least 1 is needed. Call autoUpgrade().concurrency(1)");
  }

  @Test
  void should_reject_a_malformed_upgrade_window() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().window(
            java.time.LocalTime.of(3, 0, 30), java.time.LocalTime.of(6, 0), "Mars/Olympus", java.time.DayOfWeek.SATURDAY))), Checks.UPGRADE_WINDOW,
        "homelab/cluster: upgrade window start 03:00:30 has seconds, but a plan's window takes hours and minutes. Pass LocalTime.of(3, 0)",
        "homelab/cluster: upgrade window time zone 'Mars/Olympus' is unknown. Use an IANA zone such as \"Europe/Paris\"");
  }

  @Test
  void should_reject_an_upgrade_window_without_days() {
    Expect.only(minimal().cluster(k3s("v1.33.4+k3s1").upgrades(autoUpgrade().window(
            java.time.LocalTime.of(3, 0), java.time.LocalTime.of(6, 0), "Europe/Paris"))), Checks.UPGRADE_WINDOW,
        "homelab/cluster: upgrade window has no days. Name the days, e.g. .window(LocalTime.of(3, 0), LocalTime.of(6, 0), \"Europe/Paris\", SATURDAY, SUNDAY)");
  }

  @Test
  void should_reject_an_unknown_time_zone() {
    Expect.only(minimal().timeZone("Mars/Olympus"), Checks.TIME_ZONE,
        "homelab: time zone 'Mars/Olympus' is unknown. Use an IANA zone, e.g. homelab.timeZone(\"Europe/Paris\")");
  }

  @Test
  void should_reject_a_time_zone_given_as_an_offset() {
    Expect.only(minimal().timeZone("UTC+1"), Checks.TIME_ZONE,
        "homelab: time zone 'UTC+1' is unknown. Use an IANA zone, e.g. homelab.timeZone(\"Europe/Paris\")");
  }

  @Test
  void should_reject_an_invalid_ssh_user() {
    Expect.only(minimal().sshUser("Admin User"), Checks.SSH_USER,
        "homelab: SSH user 'Admin User' is not a Linux user name. Call homelab.sshUser(\"admin\")");
  }

  @Test
  void should_reject_a_node_label_kubelet_refuses_in_the_kubernetes_io_namespace() {
    Expect.only(minimal().nodes(node("nuc").label("node-role.kubernetes.io/worker", "true")), Checks.NODE_LABEL_RESERVED,
        "homelab/nodes/nuc: label key 'node-role.kubernetes.io/worker' is in the kubernetes.io namespace, which kubelet refuses in --node-labels "
            + "(k3s would not start). Use a key of your own domain, e.g. .label(\"homelab.dev/role\", \"worker\")");
  }

  @Test
  void should_reject_a_node_label_in_the_k8s_io_namespace() {
    Expect.only(minimal().nodes(node("nuc").label("example.k8s.io/disk", "ssd")), Checks.NODE_LABEL_RESERVED,
        "homelab/nodes/nuc: label key 'example.k8s.io/disk' is in the k8s.io namespace, which kubelet refuses in --node-labels "
            + "(k3s would not start). Use a key of your own domain, e.g. .label(\"homelab.dev/disk\", \"ssd\")");
  }

  @Test
  void should_accept_the_node_labels_kubelet_may_set_itself() {
    Expect.none(minimal().nodes(node("nuc").label("topology.kubernetes.io/zone", "attic").label("node.kubernetes.io/exclude-from-external-load-balancers", "true")
        .label("kubelet.kubernetes.io/flavour", "pi").label("homelab.dev/role", "storage")));
  }

  @Test
  void should_reject_an_invalid_node_label() {
    Expect.only(minimal().nodes(node("nuc").label("homelab.dev/class", "fast compute")), Checks.NODE_LABEL,
        "homelab/nodes/nuc: label homelab.dev/class has value 'fast compute', not a Kubernetes label value. "
            + "Use at most 63 letters, digits and -_., starting and ending alphanumeric");
  }

  @Test
  void should_reject_a_raid1_pair_without_two_devices() {
    Expect.only(minimal().nodes(node("nuc").disks(dev.homelab.model.host.Disk.of("data", dev.homelab.model.host.DiskUse.DATA,
            java.util.List.of("/dev/sda")))), Checks.DISK_DEVICES,
        "homelab/nodes/nuc/disks/data: a Btrfs RAID-1 pair needs exactly 2 devices, found 1. Call btrfsRaid1(name, device1, device2)");
  }

  @Test
  void should_reject_a_device_outside_dev() {
    Expect.only(minimal().nodes(node("nuc").disks(mediaDisk("media", "sdb"))), Checks.DEVICE_PATH,
        "homelab/nodes/nuc/disks/media: device 'sdb' is not a plain /dev path. Use a stable path such as /dev/disk/by-id/...");
  }

  @Test
  void should_reject_a_relative_mount_point() {
    Expect.only(minimal().nodes(node("nuc").disks(mediaDisk("media", "/dev/sdb").mountPoint("srv/media"))), Checks.ABSOLUTE_PATH,
        "homelab/nodes/nuc/disks/media: mount point 'srv/media' is not a plain absolute path. Call .mountPoint(\"/srv/media\")");
  }

  @Test
  void should_reject_snapshots_of_a_non_btrfs_disk() {
    Expect.only(minimal().nodes(node("nuc").disks(mediaDisk("media", "/dev/sdb").snapshots(keep().daily(7)))),
        Checks.SNAPSHOTS_NEED_BTRFS,
        "homelab/nodes/nuc/disks/media: snapshots need Btrfs but the filesystem is ext4. Drop .snapshots(...) or use btrfsRaid1(...)");
  }

  @Test
  void should_reject_snapshots_keeping_nothing() {
    Expect.only(minimal().nodes(node("nuc").disks(btrfsRaid1("data", "/dev/sda", "/dev/sdb").snapshots(keep()))),
        Checks.RETENTION_EMPTY,
        "homelab/nodes/nuc/disks/data: snapshot retention keeps nothing. Call .snapshots(keep().daily(7))");
  }

  @Test
  void should_reject_a_malformed_host_postgres() {
    Expect.only(minimal().nodes(node("nuc").postgres(hostPostgres("15").allowFrom("192.168.1.0"))), Checks.HOST_POSTGRES,
        "homelab/nodes/nuc: allowed network '192.168.1.0' is not an IPv4 CIDR. Write it like .allowFrom(\"192.168.1.0/24\")");
  }

  @Test
  void should_reject_host_postgres_backup_to_an_unknown_target() {
    Expect.only(minimal().nodes(node("nuc").postgres(hostPostgres("15").backup(offsite()))), Checks.BACKUP_TARGET_KNOWN,
        "homelab/nodes/nuc: PostgreSQL backup target offsite is not defined. Add it with homelab.backups(s3(\"offsite\", endpoint, bucket))");
  }
}
