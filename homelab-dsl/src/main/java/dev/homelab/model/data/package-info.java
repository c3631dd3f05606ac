/** Data services: PostgreSQL, Redis, RabbitMQ, Pi-hole. */
@HomelabStyle
package dev.homelab.model.data;

import dev.homelab.model.HomelabStyle;
