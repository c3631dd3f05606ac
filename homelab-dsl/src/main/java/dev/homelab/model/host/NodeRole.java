package dev.homelab.model.host;

/** What a node is in k3s: a server (control plane, runs etcd) or an agent (worker). */
public enum NodeRole {
  /** A k3s server: API server, scheduler and, in HA, an etcd member. */
  CONTROL_PLANE,
  /** A k3s agent: runs workloads only. */
  WORKER
}
