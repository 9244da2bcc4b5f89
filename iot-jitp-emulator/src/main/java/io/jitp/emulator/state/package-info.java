/** Persistence of the stand-in's state: atomic JSON files and the one-instance-per-directory lock. */
package io.jitp.emulator.state;
