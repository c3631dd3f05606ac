/** Storage: NFS-backed storage classes and static volumes. */
@HomelabStyle
package dev.homelab.model.storage;

import dev.homelab.model.HomelabStyle;
