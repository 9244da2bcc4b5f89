package io.jitp.core.mqtt;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.TlsKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What a device presents: its certificate chain (device certificate first, optionally followed by its CA, as the
 * seed's {@code provision} writes it) and its private key. The MQTT client id is the certificate's CommonName, which is
 * what the seed's {@code IoTAccess} policy lets a device connect as.
 *
 * @param clientId the MQTT client id
 * @param chain    device certificate first
 * @param key      the device's private key, as the JDK's TLS takes it ({@link TlsKeys#forJdk}); never logged
 */
public record DeviceIdentity(String clientId, List<X509Certificate> chain, PrivateKey key) {
    /** Copies the chain; a key of another provider (e.g. BouncyCastle) is converted for the JDK's TLS. */
    public DeviceIdentity {
        chain = List.copyOf(chain);
        key = TlsKeys.forJdk(key);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A device identity needs its certificate");
        }
    }

    /**
     * @param certificateFile PEM certificate chain, device certificate first
     * @param keyFile         PEM private key (PKCS#8 or PKCS#1, unencrypted)
     * @return the identity, client id = the certificate's CommonName
     * @throws IOException           if a file cannot be read
     * @throws InvalidInputException if a file is no PEM of the right kind, or the certificate has no CommonName
     */
    public static DeviceIdentity fromFiles(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = TlsKeys.readCertificates(certificateFile);
        PrivateKey key = TlsKeys.readPrivateKey(keyFile, null);
        return new DeviceIdentity(commonName(chain.get(0), certificateFile), chain, key);
    }

    /**
     * Finds a device's files in a folder, under the names {@code provision} gives them ({@code <id>.crt},
     * {@code <id>.key}) or {@code create-thing} does ({@code <id>.cert.pem}, {@code <id>.private.key}). The client id
     * is {@code id}, as the seed's {@code pub} and {@code sub} used the thing name: AWS-made certificates have no
     * meaningful CommonName.
     *
     * @param folder the devices folder
     * @param id     the device (thing) name
     * @return its identity, client id {@code id}
     * @throws IOException           if a file cannot be read
     * @throws InvalidInputException if neither pair of files is there
     */
    public static DeviceIdentity find(Path folder, String id) throws IOException {
        String[][] namings = {{id + ".crt", id + ".key"}, {id + ".cert.pem", id + ".private.key"}};
        for (String[] naming : namings) {
            Path certificate = folder.resolve(naming[0]);
            Path key = folder.resolve(naming[1]);
            if (Files.isRegularFile(certificate) && Files.isRegularFile(key)) {
                DeviceIdentity found = fromFiles(certificate, key);
                return new DeviceIdentity(id, found.chain(), found.key());
            }
        }
        throw new InvalidInputException("No files for device " + id + " in " + folder + " (looked for " + id
                + ".crt + " + id + ".key and " + id + ".cert.pem + " + id + ".private.key); issue it with"
                + " iot:provision or iot:create-thing, or set iot.outputDirectory to where its files are");
    }

    /** @return the device certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the AWS certificate id of the device certificate */
    public String certificateId() {
        return CertificateIds.of(certificate());
    }

    /**
     * @param certificate a certificate
     * @param source      where it came from, for the error message
     * @return its subject CommonName
     */
    static String commonName(X509Certificate certificate, Object source) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw new InvalidInputException("Unreadable subject in " + source + ": " + e.getMessage());
        }
        throw new InvalidInputException("The certificate in " + source + " has no CommonName (CN): the client id"
                + " and the thing name come from it");
    }
}
