/** Applications: image, ports, exposure, volumes, probes, metrics, backups, placement. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.app;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
