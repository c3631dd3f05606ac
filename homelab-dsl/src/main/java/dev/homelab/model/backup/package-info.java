/** Backups: S3-compatible targets, restic to a disk, retention. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.backup;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
