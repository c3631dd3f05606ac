package dev.homelab.model.monitoring;

/** Alert rules the monitoring stack ships for every lab. */
public enum BuiltInAlert {
  NODE_DOWN,
  DISK_FULL,
  BACKUP_STALE,
  CERTIFICATE_EXPIRY
}
