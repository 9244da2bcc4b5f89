/**
 * Just-in-time provisioning: runs a CA's provisioning template for a device certificate seen for the first time,
 * with the parameters, resources and override rules of AWS IoT JITP.
 */
package io.jitp.emulator.jitp;
