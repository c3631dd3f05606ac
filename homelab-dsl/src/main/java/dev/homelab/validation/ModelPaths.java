package dev.homelab.validation;

/** Model paths used in problem lines, e.g. {@code homelab/apps/nextcloud}. */
public final class ModelPaths {
  public static final String ROOT = "homelab";

  private ModelPaths() {}

  public static String node(String name) {
    return ROOT + "/nodes/" + name;
  }

  public static String app(String name) {
    return ROOT + "/apps/" + name;
  }

  public static String pool(String name) {
    return ROOT + "/loadBalancer/" + name;
  }

  public static String dataService(String name) {
    return ROOT + "/dataServices/" + name;
  }

  public static String s3(String name) {
    return ROOT + "/backups/" + name;
  }

  public static String restic(String name) {
    return ROOT + "/resticBackups/" + name;
  }

  public static String storageClass(String name) {
    return ROOT + "/storage/" + name;
  }

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

  public static String of(String part) {
    return ROOT + "/" + part;
  }
}
