/**
 * Device batches: which devices to issue (a count, a list file, a CSR folder), issuing them in parallel, and the
 * manifest that records exactly which device files exist.
 */
package io.jitp.core.devices;
