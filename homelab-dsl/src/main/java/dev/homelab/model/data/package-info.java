/** Data services: PostgreSQL, Redis, RabbitMQ, Pi-hole. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.data;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
