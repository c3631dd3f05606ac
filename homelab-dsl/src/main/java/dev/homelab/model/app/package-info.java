/** Applications: image, ports, exposure, volumes, probes, metrics, backups, placement. */
@HomelabStyle
package dev.homelab.model.app;

import dev.homelab.model.HomelabStyle;
