package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Device certificates: CreateKeysAndCertificate, CreateCertificateFromCsr, RegisterCertificate(WithoutCA),
 * Describe/Update/Delete/ListCertificates, ListCertificatesByCA.
 */
final class CertificateOperations {
    /** AWS-issued certificates carry this subject. */
    static final String AWS_ISSUED_COMMON_NAME = "AWS IoT Certificate";
    /** AWS-issued certificates are valid until 2049; ten years is plenty for a stand-in. */
    static final int AWS_ISSUED_VALIDITY_DAYS = 3650;

    private final IotRegistry registry;
    private final Supplier<CertificateAuthority> ownCa;

    CertificateOperations(IotRegistry registry, Supplier<CertificateAuthority> ownCa) {
        this.registry = registry;
        this.ownCa = ownCa;
    }

    void addTo(Routes routes) {
        routes.add("POST", "/keys-and-certificate", this::createKeysAndCertificate)
                .add("POST", "/certificates", this::createFromCsr)
                .add("POST", "/certificate/register", this::register)
                .add("POST", "/certificate/register-no-ca", this::registerWithoutCa)
                .add("GET", "/certificates/{certificateId}", this::describe)
                .add("PUT", "/certificates/{certificateId}", this::update)
                .add("DELETE", "/certificates/{certificateId}", this::delete)
                .add("GET", "/certificates", this::list)
                .add("GET", "/certificates-by-ca/{caCertificateId}", this::listByCa);
    }

    private JsonNode createKeysAndCertificate(RestCall call) {
        KeyPair keys = KeyAlgorithm.RSA_2048.generate();
        Certificate certificate = issue(keys.getPublic(), call.queryFlag("setAsActive"));
        ObjectNode keyPair = Json.object()
                .put("PublicKey", publicKeyPem(keys.getPublic()))
                .put("PrivateKey", Pem.encode(keys.getPrivate()));
        ObjectNode reply = created(certificate);
        reply.set("keyPair", keyPair);
        return reply;
    }

    private JsonNode createFromCsr(RestCall call) {
        PKCS10CertificationRequest csr = parseCsr(call.requiredText("certificateSigningRequest"));
        X509Certificate x509;
        try {
            x509 = ownCa.get().signCsr(csr, AWS_ISSUED_VALIDITY_DAYS);
        } catch (InvalidInputException e) {
            throw IotException.invalidRequest(e.getMessage());
        }
        return created(registry.registerIssuedCertificate(x509, status(call.queryFlag("setAsActive"))));
    }

    private Certificate issue(PublicKey publicKey, boolean active) {
        X509Certificate x509 = ownCa.get().issueDeviceCertificate(publicKey,
                SubjectProfile.ofCommonName(AWS_ISSUED_COMMON_NAME), AWS_ISSUED_VALIDITY_DAYS);
        return registry.registerIssuedCertificate(x509, status(active));
    }

    private static ObjectNode created(Certificate certificate) {
        return Json.object().put("certificateArn", certificate.arn()).put("certificateId", certificate.id())
                .put("certificatePem", certificate.pem());
    }

    private JsonNode register(RestCall call) {
        CertificateStatus status = call.bodyEnum("status", CertificateStatus.class);
        Certificate certificate = registry.registerCertificate(call.requiredText("certificatePem"),
                call.text("caCertificatePem"), status != null ? status : status(call.queryFlag("setAsActive")));
        return Json.object().put("certificateArn", certificate.arn()).put("certificateId", certificate.id());
    }

    private JsonNode registerWithoutCa(RestCall call) {
        Certificate certificate = registry.registerCertificateWithoutCa(call.requiredText("certificatePem"),
                call.bodyEnum("status", CertificateStatus.class));
        return Json.object().put("certificateArn", certificate.arn()).put("certificateId", certificate.id());
    }

    private JsonNode describe(RestCall call) {
        Certificate certificate = find(call.path("certificateId"));
        ObjectNode description = Json.object()
                .put("certificateArn", certificate.arn())
                .put("certificateId", certificate.id());
        Json.put(description, "caCertificateId", certificate.caCertificateId());
        description.put("status", certificate.status().name())
                .put("certificatePem", certificate.pem())
                .put("ownedBy", registry.accountId())
                .put("customerVersion", certificate.customerVersion())
                .put("generationId", certificate.generationId())
                .put("certificateMode", certificate.certificateMode().name());
        description.set("creationDate", Json.time(certificate.creationDate()));
        description.set("lastModifiedDate", Json.time(certificate.lastModifiedDate()));
        description.set("validity", validity(certificate.x509()));
        ObjectNode reply = Json.object();
        reply.set("certificateDescription", description);
        return reply;
    }

    private JsonNode update(RestCall call) {
        CertificateStatus status = call.queryEnum("newStatus", CertificateStatus.class);
        if (status == null) {
            throw IotException.invalidRequest("newStatus is required");
        }
        registry.updateCertificateStatus(call.path("certificateId"), status);
        return null;
    }

    private JsonNode delete(RestCall call) {
        registry.deleteCertificate(call.path("certificateId"), call.queryFlag("forceDelete"));
        return null;
    }

    private JsonNode list(RestCall call) {
        return page(call, registry.certificates());
    }

    private JsonNode listByCa(RestCall call) {
        return page(call, registry.certificatesByCa(call.path("caCertificateId")));
    }

    private static JsonNode page(RestCall call, List<Certificate> all) {
        Comparator<Certificate> order = Comparator.comparing(Certificate::creationDate);
        List<Certificate> sorted = all.stream()
                .sorted(call.queryFlag("isAscendingOrder") ? order : order.reversed()).toList();
        Pages.Page<Certificate> page = Pages.of(sorted, call.queryInt("pageSize", 1, 250), call.query("marker"), 25);
        ArrayNode certificates = Json.array();
        for (Certificate certificate : page.items()) {
            ObjectNode item = certificates.addObject().put("certificateArn", certificate.arn())
                    .put("certificateId", certificate.id()).put("status", certificate.status().name())
                    .put("certificateMode", certificate.certificateMode().name());
            item.set("creationDate", Json.time(certificate.creationDate()));
        }
        ObjectNode reply = Json.object();
        reply.set("certificates", certificates);
        return Json.put(reply, "nextMarker", page.next());
    }

    private Certificate find(String id) {
        return registry.findCertificate(id)
                .orElseThrow(() -> IotException.notFound("Certificate " + id + " does not exist"));
    }

    static ObjectNode validity(X509Certificate x509) {
        ObjectNode validity = Json.object();
        validity.set("notBefore", Json.time(x509.getNotBefore().toInstant()));
        validity.set("notAfter", Json.time(x509.getNotAfter().toInstant()));
        return validity;
    }

    private static CertificateStatus status(boolean active) {
        return active ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
    }

    private static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static PKCS10CertificationRequest parseCsr(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw IotException.invalidRequest("certificateSigningRequest is not a PEM PKCS#10 request");
    }
}
