/** Monitoring: Prometheus Operator, Grafana, Alertmanager receivers, built-in alerts. */
@HomelabStyle
package dev.homelab.model.monitoring;

import dev.homelab.model.HomelabStyle;
