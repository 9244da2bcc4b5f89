package io.jitp.core.things;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The seed's {@code create-thing}, without a CA of our own: AWS makes the key pair and an ACTIVE certificate
 * (CreateKeysAndCertificate); a thing, a per-thing policy allowing Connect, Publish, Subscribe and Receive (on
 * {@code *}, as the seed's), and both attachments. Files as the seed wrote them: {@code <thing>.cert.pem},
 * {@code <thing>.public.key}, {@code <thing>.private.key} (0600, written before the certificate so a certificate file
 * always has its key). A failure part-way undoes what this run created.
 */
public final class ThingCreator {
    /** Suffix of the per-thing policy name. */
    public static final String POLICY_SUFFIX = "-Policy";
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Action":["iot:Connect","iot:Publish","iot:Subscribe","iot:Receive"],"Resource":"*"}]}""";

    private final IotClient iot;
    private final Reporter reporter;

    /** @param iot the control plane @param reporter where steps are logged */
    public ThingCreator(IotClient iot, Reporter reporter) {
        this.iot = iot;
        this.reporter = reporter;
    }

    /**
     * @param thingName the thing
     * @param folder    where the files go
     * @return what was created
     * @throws InvalidInputException if the thing already has certificates or its key file already exists
     * @throws IOException           if a file cannot be written (the cloud resources are then removed again)
     */
    public CreatedThing create(String thingName, Path folder) throws IOException {
        Path privateKey = folder.resolve(thingName + ".private.key");
        if (Files.exists(privateKey)) {
            throw new InvalidInputException(privateKey + " already exists: delete it (and the thing, with"
                    + " mvn iot:delete-thing -Diot.thing=" + thingName + ") before creating the thing again");
        }
        boolean thingCreated = ensureThing(thingName);
        CreateKeysAndCertificateResponse keys = null;
        boolean done = false;
        try {
            keys = iot.createKeysAndCertificate(r -> r.setAsActive(true));
            String arn = keys.certificateArn();
            reporter.info("Created certificate " + keys.certificateId() + " (ACTIVE)");
            String policyName = thingName + POLICY_SUFFIX;
            ensurePolicy(policyName);
            iot.attachPolicy(r -> r.policyName(policyName).target(arn));
            iot.attachThingPrincipal(r -> r.thingName(thingName).principal(arn));
            Files.createDirectories(folder);
            SecureFiles.writeSecret(privateKey, keys.keyPair().privateKey());
            Path publicKey = folder.resolve(thingName + ".public.key");
            SecureFiles.writePublic(publicKey, keys.keyPair().publicKey());
            Path certificate = folder.resolve(thingName + ".cert.pem");
            SecureFiles.writePublic(certificate, keys.certificatePem());
            done = true;
            reporter.info("Attached policy " + policyName + " and thing " + thingName + "; files in " + folder);
            return new CreatedThing(thingName, keys.certificateId(), arn, policyName, certificate, publicKey,
                    privateKey);
        } finally {
            if (!done) {
                SecureFiles.discard(privateKey);
                undo(thingName, keys, thingCreated);
            }
        }
    }

    private boolean ensureThing(String thingName) {
        try {
            iot.createThing(r -> r.thingName(thingName));
            reporter.info("Created thing " + thingName);
            return true;
        } catch (ResourceAlreadyExistsException e) {
            if (!new ThingCertificates(iot).of(thingName).isEmpty()) {
                throw new InvalidInputException("Thing " + thingName + " already exists with a certificate; delete it"
                        + " with mvn iot:delete-thing -Diot.thing=" + thingName + " or choose another name");
            }
            reporter.info("Thing " + thingName + " exists without a certificate; reusing it");
            return false;
        }
    }

    private void ensurePolicy(String policyName) {
        try {
            iot.getPolicy(r -> r.policyName(policyName));
        } catch (ResourceNotFoundException e) {
            iot.createPolicy(r -> r.policyName(policyName).policyDocument(POLICY));
            reporter.info("Created policy " + policyName);
        }
    }

    private void undo(String thingName, CreateKeysAndCertificateResponse keys, boolean thingCreated) {
        try {
            if (keys != null) {
                new ThingDeleter(iot, reporter).removeCertificate(thingName, keys.certificateArn());
            }
            if (thingCreated) {
                iot.deleteThing(r -> r.thingName(thingName));
            }
        } catch (RuntimeException e) {
            reporter.warn("Could not undo everything create-thing made for " + thingName + ": " + e.getMessage()
                    + "; remove it with mvn iot:delete-thing -Diot.thing=" + thingName);
        }
    }
}
