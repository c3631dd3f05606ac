package dev.homelab.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.BuiltIn;
import org.junit.jupiter.api.Test;

class StorageAndBackupRulesTest {

  @Test
  void should_reject_a_storage_class_on_an_unknown_node() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas2"), "data")), Checks.STORAGE_CLASS_DISK,
        "homelab/storage/nfs-data: node nas2 is not defined. Use one of the nodes: pi1, nas");
  }

  @Test
  void should_reject_a_storage_class_on_an_unknown_disk() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "ssd")), Checks.STORAGE_CLASS_DISK,
        "homelab/storage/nfs-data: node nas has no disk called ssd. Add it with node(\"nas\").disks(btrfsRaid1(\"ssd\", ...).exportOverNfs())");
  }

  @Test
  void should_reject_a_storage_class_on_a_disk_not_exported() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-backup", node("nas"), "restic")), Checks.STORAGE_CLASS_DISK,
        "homelab/storage/nfs-backup: disk restic of node nas is not exported over NFS. Call .exportOverNfs() on that disk");
  }

  @Test
  void should_reject_a_static_volume_on_a_disk_not_exported() {
    Expect.only(withNas(minimal()).staticVolumes(staticVolume("backups", node("nas"), "restic", "1Ti")), Checks.STATIC_VOLUME_DISK,
        "homelab/staticVolumes/backups: disk restic of node nas is not exported over NFS. Call .exportOverNfs() on that disk");
  }

  @Test
  void should_reject_a_malformed_static_volume_size() {
    Expect.only(withNas(minimal()).staticVolumes(staticVolume("media", node("nas"), "media", "4TB")), Checks.SIZE_QUANTITY,
        "homelab/staticVolumes/media: size '4TB' is not a quantity like 4Ti. Write the size like \"4Ti\"");
  }

  @Test
  void should_reject_an_app_volume_with_an_unknown_storage_class() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "data"))
            .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume(claim("data", "/data", "1Gi").storageClass(nfsStorageClass("nfs-fast", node("nas"), "data")))),
        Checks.STORAGE_CLASS_KNOWN,
        "homelab/apps/wiki/volumes/data: storage class nfs-fast is not defined. Use one of: local-path, nfs-data");
  }

  @Test
  void should_reject_monitoring_on_an_unknown_storage_class() {
    Expect.only(minimal().monitoring(monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))), Checks.STORAGE_CLASS_KNOWN,
        "homelab/monitoring: storage class nfs-data is not defined. Use one of: local-path");
  }

  @Test
  void should_reject_an_unknown_static_volume() {
    Expect.only(minimal().apps(app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7")
            .volume(mount(staticVolume("media", node("nas"), "media", "4Ti"), "/media"))), Checks.STATIC_VOLUME_KNOWN,
        "homelab/apps/jellyfin/volumes/media: static volume media is not defined. "
            + "Add it with homelab.staticVolumes(staticVolume(\"media\", node, disk, size))");
  }

  @Test
  void should_reject_a_static_volume_mounted_by_two_apps() {
    var media = staticVolume("media", node("nas"), "media", "4Ti");
    Expect.only(withNas(minimal()).staticVolumes(media).apps(
            app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7").volume(mount(media, "/media")),
            app("plex", "docker.io/plexinc/pms-docker:1.41.0").volume(mount(media, "/data"))),
        Checks.STATIC_VOLUME_SINGLE_CLAIM,
        "homelab/apps/plex/volumes/media: static volume media is already mounted by app jellyfin (a static volume binds one claim). "
            + "Mount it in one app only, or export another share with its own staticVolume(...)");
  }

  @Test
  void should_reject_two_default_storage_classes() {
    Expect.only(withNas(minimal()).cluster(k3s("v1.33.4+k3s1").disable(BuiltIn.LOCAL_STORAGE))
            .storage(nfsStorageClass("nfs-data", node("nas"), "data").asDefault(), nfsStorageClass("nfs-media", node("nas"), "media").asDefault()),
        Checks.ONE_DEFAULT_STORAGE_CLASS,
        "homelab/storage/nfs-media: is a default storage class, and so is nfs-data. Call .asDefault() on one class only");
  }

  @Test
  void should_reject_a_default_class_next_to_local_path() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "data").asDefault()), Checks.ONE_DEFAULT_STORAGE_CLASS,
        "homelab/storage/nfs-data: is a default storage class, and so is k3s' local-path. "
            + "Call k3s(...).disable(BuiltIn.LOCAL_STORAGE), or drop .asDefault()");
  }

  @Test
  void should_report_every_local_volume_in_one_line_when_local_path_is_disabled() {
    Expect.only(withNas(minimal()).cluster(k3s("v1.33.4+k3s1").disable(BuiltIn.LOCAL_STORAGE))
            .storage(nfsStorageClass("nfs-data", node("nas"), "data"))
            .dataServices(postgres("postgres"), redis("redis"))
            .monitoring(monitoring())
            .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume(claim("db", "/db", "1Gi").local())
                .volume("files", "/files", "1Gi")), Checks.LOCAL_VOLUMES_NEED_LOCAL_PATH,
        "homelab/cluster: node-local volumes (apps/wiki/volumes/db, dataServices/postgres, dataServices/redis and 1 more) need k3s' "
            + "local-path provisioner, which is disabled. Remove BuiltIn.LOCAL_STORAGE from k3s(...).disable(...), "
            + "or give each of them an NFS class with .storageClass(...)");
  }

  @Test
  void should_count_crowdsecs_lapi_among_the_local_volumes_when_no_nfs_class_stands_in() {
    Expect.only(web().cluster(k3s("v1.33.4+k3s1").disable(BuiltIn.LOCAL_STORAGE)), Checks.LOCAL_VOLUMES_NEED_LOCAL_PATH,
        "homelab/cluster: node-local volumes (security (CrowdSec's LAPI)) need k3s' local-path provisioner, which is disabled. "
            + "Remove BuiltIn.LOCAL_STORAGE from k3s(...).disable(...), or give each of them an NFS class with .storageClass(...)");
  }

  @Test
  void should_warn_about_an_apps_claims_on_one_nodes_disk_without_a_backup() {
    Lab lab = withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "data")).backups(offsite())
        .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume(claim("db", "/db", "1Gi").local()).volume(claim("index", "/index", "1Gi").local())
            .volume("files", "/files", "1Gi"));

    Expect.none(lab);
    Expect.warnings(lab, Checks.LOCAL_CLAIMS_BACKED_UP,
        "homelab/apps/wiki: claims db, index live on one node's disk (local-path) with no backup: losing that disk loses them. "
            + "Back the app up with .backup(offsite)");
  }

  @Test
  void should_not_warn_about_local_claims_of_an_app_that_is_backed_up_or_about_shared_ones() {
    Lab lab = minimal().backups(offsite()).apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume(claim("db", "/db", "1Gi").local())
        .backup(offsite()));
    Lab shared = withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "data"))
        .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume("files", "/files", "1Gi"));

    assertThat(Validator.standard().warnings(lab)).isEmpty();
    assertThat(Validator.standard().warnings(shared)).isEmpty();
    // without an NFS class every claim is on local-path: the fix names how to get a target first
    Expect.warnings(minimal().apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume("files", "/files", "1Gi")), Checks.LOCAL_CLAIMS_BACKED_UP,
        "homelab/apps/wiki: claim files lives on one node's disk (local-path) with no backup: losing that disk loses it. "
            + "Declare an S3 target with homelab.backups(...) and back the app up with .backup(offsite)");
  }

  @Test
  void should_accept_local_volumes_that_name_an_nfs_class_when_local_path_is_disabled() {
    assertThat(Expect.problems(withNas(minimal()).cluster(k3s("v1.33.4+k3s1").disable(BuiltIn.LOCAL_STORAGE))
        .storage(nfsStorageClass("nfs-data", node("nas"), "data"))
        .dataServices(postgres("postgres").storage("10Gi", nfsStorageClass("nfs-data", node("nas"), "data")))
        .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").volume("files", "/files", "1Gi")))).isEmpty();
  }

  @Test
  void should_reject_an_app_backup_to_no_s3_target() {
    Expect.only(minimal().apps(app("wiki", "ghcr.io/example/wiki:1.0.0").backup(offsite())), Checks.BACKUP_TARGET_KNOWN,
        "homelab/apps/wiki: backup target offsite is not defined. Add it with homelab.backups(s3(\"offsite\", endpoint, bucket))");
  }

  @Test
  void should_reject_a_data_service_backup_to_no_s3_target() {
    Expect.only(minimal().dataServices(postgres("postgres").backup(offsite())), Checks.BACKUP_TARGET_KNOWN,
        "homelab/dataServices/postgres: backup target offsite is not defined. Add it with homelab.backups(s3(\"offsite\", endpoint, bucket))");
  }

  @Test
  void should_reject_terraform_state_in_an_unknown_target() {
    Expect.only(minimal().terraformState(terraformState(offsite())), Checks.TERRAFORM_STATE_TARGET_KNOWN,
        "homelab/terraformState: Terraform state target offsite is not defined. Add it with homelab.backups(s3(\"offsite\", endpoint, bucket))");
  }

  @Test
  void should_reject_restic_on_an_unknown_node() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas2"), "restic").paths("/srv/data")), Checks.RESTIC_DISK,
        "homelab/resticBackups/local: node nas2 is not defined. Use one of the nodes: pi1, nas");
  }

  @Test
  void should_reject_restic_with_no_disk() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("pi1"), "restic").paths("/srv/data")), Checks.RESTIC_DISK,
        "homelab/resticBackups/local: node pi1 has no disk called restic. Add it with node(\"pi1\").disks(backupDisk(\"restic\", device))");
  }

  @Test
  void should_reject_restic_to_a_data_disk() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "data").paths("/srv/media")), Checks.RESTIC_DISK,
        "homelab/resticBackups/local: disk data of node nas is a data disk, not a backup disk. Back up to a backupDisk(...) of nas");
  }

  @Test
  void should_reject_restic_without_paths() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "restic")), Checks.RESTIC_PATHS,
        "homelab/resticBackups/local: backs up no paths. Call .paths(\"/srv/data\")");
  }

  @Test
  void should_reject_restic_of_a_relative_path() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "restic").paths("srv/data")), Checks.ABSOLUTE_PATH,
        "homelab/resticBackups/local: path 'srv/data' is not a plain absolute path. Back up absolute host paths of letters, digits and ._-, such as \"/srv/data\"");
  }

  @Test
  void should_reject_restic_keeping_nothing() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "restic").paths("/srv/data").retention(keep())), Checks.RETENTION_EMPTY,
        "homelab/resticBackups/local: retention keeps nothing. Call .retention(keep().daily(7).weekly(4))");
  }

  @Test
  void should_reject_an_s3_endpoint_that_is_no_url() {
    Expect.only(minimal().backups(s3("offsite", "s3.example.net", "example-homelab-backups")), Checks.S3_TARGET,
        "homelab/backups/offsite: endpoint 's3.example.net' is not an http(s) URL of a host name or IP. Write it like \"https://s3.eu-central-003.backblazeb2.com\"");
  }

  @Test
  void should_reject_an_invalid_bucket_name() {
    Expect.only(minimal().backups(s3("offsite", "https://s3.example.net", "Backups")), Checks.S3_TARGET,
        "homelab/backups/offsite: bucket 'Backups' is not a valid bucket name. Use 3 to 63 lower-case letters, digits, '.' and '-'");
  }

  @Test
  void should_reject_an_s3_target_keeping_nothing() {
    Expect.only(minimal().backups(offsite().retention(keep())), Checks.RETENTION_EMPTY,
        "homelab/backups/offsite: retention keeps nothing. Call .retention(keep().daily(30))");
  }
}
