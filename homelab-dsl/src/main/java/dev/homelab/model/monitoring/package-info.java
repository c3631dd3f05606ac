/** Monitoring: Prometheus Operator, Grafana, Alertmanager receivers, built-in alerts. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.monitoring;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
