/**
 * The platform components of the Kubernetes backend: CrowdSec, the monitoring stack, automatic k3s
 * upgrades, NFS storage, cert-manager, GitHub Actions runners and the external-secrets operator.
 * Each is a {@link dev.homelab.k8s.Component} that renders nothing when the lab does not use it;
 * {@link dev.homelab.k8s.platform.PlatformComponents#all()} lists them.
 */
package dev.homelab.k8s.platform;
