/** CA registration for Just-In-Time Provisioning: the provisioning template, its pre-flight lint, RegisterCACertificate. */
package io.jitp.core.jitp;
