/**
 * The seed's management scripts over the IoT control plane: create-thing, delete-thing, device-status,
 * enable-certificate, disable-certificate and thing-certificates.
 */
package io.jitp.core.things;
