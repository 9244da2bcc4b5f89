/**
 * The connect-before-ship test ({@code smoke-connect}): each device connects as itself, exchanges a message and is
 * confirmed by the control plane; results as a JUnit XML report and a summary table.
 */
package io.jitp.core.smoke;
