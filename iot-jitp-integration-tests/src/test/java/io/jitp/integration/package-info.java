/** Core code paths (AWS clients, MQTT device connections, smoke tests, load tests) exercised against a real stand-in. */
package io.jitp.integration;
