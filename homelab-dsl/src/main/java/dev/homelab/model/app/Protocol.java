package dev.homelab.model.app;

/**
 * The transport protocol of an extra port. Kubernetes also knows SCTP, which k3s does not load by
 * default, so it is not offered here.
 *
 * @see <a href="https://kubernetes.io/docs/reference/networking/service-protocols/">Service protocols</a>
 */
public enum Protocol {
  /** TCP, the default of every port. */
  TCP,
  /** UDP, e.g. Jellyfin's discovery or DNS. */
  UDP
}
