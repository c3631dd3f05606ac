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
    return ROOT + "/loadBalancer/pools/" + name;
  }

  public static String dataService(String name) {
    return ROOT + "/dataServices/" + name;
  }

  public static String s3(String name) {
    return ROOT + "/backups/s3/" + name;
  }

  public static String restic(String name) {
    return ROOT + "/backups/restic/" + name;
  }

  public static String storageClass(String name) {
    return ROOT + "/storage/" + name;
  }

  public static String staticVolume(String name) {
    return ROOT + "/staticVolumes/" + name;
  }

  public static String of(String part) {
    return ROOT + "/" + part;
  }
}
