package dev.homelab.model.host;

/** What a disk on a host is for. */
public enum DiskUse {
  /** A Btrfs RAID-1 pair holding the cluster's persistent data, usually exported over NFS. */
  DATA,
  /** An external (hardware RAID-1) disk holding media. */
  MEDIA,
  /** A disk that receives restic backups. */
  BACKUP
}
