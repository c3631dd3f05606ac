package dev.homelab.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project. Generated {@code Immutable*} classes stay package-private
 * (users only see the abstract model types, which every public factory and setter returns); required parts are {@code of(...)} parameters and
 * optional parts are set through the chained methods each model type declares.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = false,
    defaults = @Value.Immutable(builder = false, copy = true),
    jdkOnly = true,
    get = {"is*", "get*"},
    depluralize = true)
public @interface HomelabStyle {}
