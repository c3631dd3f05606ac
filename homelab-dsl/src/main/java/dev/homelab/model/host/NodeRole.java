package dev.homelab.model.host;

/** What a node is in k3s: a server (control plane, runs etcd) or an agent (worker). */
public enum NodeRole {
  CONTROL_PLANE,
  WORKER
}
