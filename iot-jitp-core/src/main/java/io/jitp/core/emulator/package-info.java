/** The stand-in for AWS IoT Core as a separate process: start, reuse, stop, and its endpoints file. */
package io.jitp.core.emulator;
