package dev.homelab.model.monitoring;

/** Alert rules the monitoring stack ships for every lab. */
public enum BuiltInAlert {
  /** A node stopped reporting. */
  NODE_DOWN,
  /** A filesystem of a node is almost full. */
  DISK_FULL,
  /** A backup job has not succeeded for too long. */
  BACKUP_STALE,
  /** A certificate expires soon and was not renewed. */
  CERTIFICATE_EXPIRY,
  /** A disk of a Btrfs volume (a RAID-1 mirror, say) reports read, write, flush or corruption errors. */
  DISK_ERRORS
}
