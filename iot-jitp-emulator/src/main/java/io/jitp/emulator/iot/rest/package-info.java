/** The AWS IoT control plane's REST-JSON API (API version 2015-05-28) over the {@link io.jitp.emulator.iot.IotRegistry}. */
package io.jitp.emulator.iot.rest;
