/**
 * Ship bundles: one zip per device that passed smoke-connect, holding the firmware, the device's certificate chain
 * and key, its endpoint and the roots it must trust.
 */
package io.jitp.core.bundle;
