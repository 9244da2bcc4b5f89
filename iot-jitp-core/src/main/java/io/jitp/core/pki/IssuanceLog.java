package io.jitp.core.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The CA's audit log: one JSON line per certificate issued (UTC time, serial, subject, certificate id, issuing CA id,
 * end of validity, requester), appended next to the CA. The file is only ever opened for appending, so existing lines
 * are never rewritten or truncated. Each line is written whole under an exclusive file lock, so parallel workers of a
 * batch and concurrent processes (two builds sharing one CA) never interleave their lines.
 */
public final class IssuanceLog implements IssuanceAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Requester requester;

    /**
     * @param file      the log file, created (mode 0600) on the first certificate
     * @param requester who asks for the certificates this log records
     */
    public IssuanceLog(Path file, Requester requester) {
        this.file = file.toAbsolutePath().normalize();
        this.requester = requester;
    }

    /** @return the log file */
    public Path file() {
        return file;
    }

    /**
     * Appends the line for one certificate.
     *
     * @throws UncheckedIOException if the line cannot be written (the certificate is then not handed out)
     */
    @Override
    public void issued(X509Certificate certificate, X509Certificate issuer) {
        byte[] line = line(certificate, issuer);
        try {
            ExclusiveFileLock.holding(file, null, channel -> {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the CA audit log " + file
                    + "; no certificate is issued without its audit line", e);
        }
    }

    private byte[] line(X509Certificate certificate, X509Certificate issuer) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        // Lowercase hex, as the device manifest writes serials.
        entry.put("serial", certificate.getSerialNumber().toString(16));
        entry.put("subject", Certificates.subject(certificate));
        entry.put("certificateId", CertificateIds.of(certificate));
        entry.put("caId", CertificateIds.of(issuer));
        entry.put("notAfter", certificate.getNotAfter().toInstant().toString());
        ObjectNode who = entry.putObject("requester");
        who.put("user", requester.user());
        who.put("host", requester.host());
        who.put("purpose", requester.purpose());
        try {
            return (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serializes", e);
        }
    }
}
