/** Backups: S3-compatible targets, restic to a disk, retention. */
@HomelabStyle
package dev.homelab.model.backup;

import dev.homelab.model.HomelabStyle;
