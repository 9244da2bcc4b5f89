package io.jitp.maven;

import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import java.util.Properties;
import java.util.function.Function;

/**
 * The device subject the build's provisioning goals issue, read from the same {@code iot.device.*} properties they
 * use (command line first, then the POM), so that register-ca lints the template against what devices will carry.
 */
final class DeviceSubjectProperties {
    private DeviceSubjectProperties() {
    }

    /**
     * @param session the session (user properties)
     * @param project the project (POM properties)
     * @return the subject attributes every device gets; the CN is each device's id
     */
    static SubjectProfile read(MavenSession session, MavenProject project) {
        Properties user = session.getUserProperties();
        Properties pom = project.getProperties();
        Function<String, String> get = name -> user.getProperty(name, pom.getProperty(name));
        return new SubjectProfile(null, get.apply(PropertyNames.DEVICE_COUNTRY),
                get.apply(PropertyNames.DEVICE_LOCALITY), get.apply(PropertyNames.DEVICE_STATE),
                get.apply(PropertyNames.DEVICE_ORGANIZATION), get.apply(PropertyNames.DEVICE_ORGANIZATIONAL_UNIT),
                get.apply(PropertyNames.DEVICE_SERIAL_NUMBER), get.apply(PropertyNames.DEVICE_DN_QUALIFIER));
    }
}
