/**
 * AWS IoT policy evaluation: IAM-style documents (default deny, explicit Deny wins), resource wildcards and
 * the {@code ${iot:…}} policy variables of the connection.
 */
package io.jitp.emulator.policy;
