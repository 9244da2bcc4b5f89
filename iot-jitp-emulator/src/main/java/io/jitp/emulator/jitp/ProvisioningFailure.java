package io.jitp.emulator.jitp;

/** Provisioning stopped; the message is the exact reason logged against the certificate. */
final class ProvisioningFailure extends RuntimeException {

    ProvisioningFailure(String reason) {
        super(reason);
    }
}
