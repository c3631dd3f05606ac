package dev.homelab.model.network;

/** Who can reach an app. */
public enum Exposure {
  /** From the internet, through Traefik's public entrypoint, behind CrowdSec. */
  PUBLIC,
  /** From the LAN and the VPN only, through Traefik's internal entrypoint. */
  INTERNAL,
  /** From inside the cluster only; no route at all. */
  CLUSTER
}
