package io.jitp.core.pki;

import java.nio.file.Path;

/**
 * A second process appending to an audit log, for the cross-process test: prints {@code ready}, then appends the
 * given number of lines for one certificate as fast as it can.
 */
final class AuditLogWriter {
    private AuditLogWriter() {
    }

    /**
     * @param args log file, line count
     */
    public static void main(String[] args) {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("writer"),
                KeyAlgorithm.EC_P256, 1);
        IssuanceLog log = new IssuanceLog(Path.of(args[0]), new Requester("writer", "child", "child-process"));
        System.out.println("ready");
        System.out.flush();
        for (int i = Integer.parseInt(args[1]); i > 0; i--) {
            log.issued(ca.certificate(), ca.certificate());
        }
    }
}
