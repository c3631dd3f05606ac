/** Storage: NFS-backed storage classes and static volumes. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.storage;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
