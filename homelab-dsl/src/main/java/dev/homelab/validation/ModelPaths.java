package dev.homelab.validation;

/** Model paths used in problem lines, e.g. {@code homelab/apps/nextcloud}. */
public final class ModelPaths {
  /** The root of every model path, the lab itself. */
  public static final String ROOT = "homelab";

  private ModelPaths() {}

  /** A node, e.g. {@code homelab/nodes/pi1}. */
  public static String node(String name) {
    return ROOT + "/nodes/" + name;
  }

  /** An app, e.g. {@code homelab/apps/nextcloud}. */
  public static String app(String name) {
    return ROOT + "/apps/" + name;
  }

  /** An address pool, e.g. {@code homelab/loadBalancer/lan}. */
  public static String pool(String name) {
    return ROOT + "/loadBalancer/" + name;
  }

  /** A data service, e.g. {@code homelab/dataServices/postgres}. */
  public static String dataService(String name) {
    return ROOT + "/dataServices/" + name;
  }

  /** An S3 target, e.g. {@code homelab/backups/offsite}. */
  public static String s3(String name) {
    return ROOT + "/backups/" + name;
  }

  /** A restic backup, e.g. {@code homelab/resticBackups/local}. */
  public static String restic(String name) {
    return ROOT + "/resticBackups/" + name;
  }

  /** A storage class, e.g. {@code homelab/storage/nfs-data}. */
  public static String storageClass(String name) {
    return ROOT + "/storage/" + name;
  }

  /** A static volume, e.g. {@code homelab/staticVolumes/media}. */
  public static String staticVolume(String name) {
    return ROOT + "/staticVolumes/" + name;
  }

  /** A volume of an app, e.g. {@code homelab/apps/nextcloud/volumes/data}. */
  public static String appVolume(String app, String volume) {
    return app(app) + "/volumes/" + volume;
  }

  /** {@code homelab/cluster}. */
  public static String cluster() {
    return of("cluster");
  }

  /** {@code homelab/ingress}. */
  public static String ingress() {
    return of("ingress");
  }

  /** {@code homelab/tls}. */
  public static String tls() {
    return of("tls");
  }

  /** {@code homelab/vpn}. */
  public static String vpn() {
    return of("vpn");
  }

  /** {@code homelab/security}. */
  public static String security() {
    return of("security");
  }

  /** {@code homelab/monitoring}. */
  public static String monitoring() {
    return of("monitoring");
  }

  /** {@code homelab/github}. */
  public static String github() {
    return of("github");
  }

  /** {@code homelab/dns}. */
  public static String dns() {
    return of("dns");
  }

  /** {@code homelab/terraformState}. */
  public static String terraformState() {
    return of("terraformState");
  }

  /** {@code base/where}, or {@code base} when {@code where} is empty (a value's own violation). */
  public static String below(String base, String where) {
    return where.isEmpty() ? base : base + "/" + where;
  }

  /** A top-level part of the lab, e.g. {@code homelab/cluster} for {@code cluster}. */
  public static String of(String part) {
    return ROOT + "/" + part;
  }
}
