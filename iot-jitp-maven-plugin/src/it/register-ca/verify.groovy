import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def state = new File(basedir, 'stand-in')
def results = new File(basedir, 'target/iot-jitp/register-ca')
def json = { File f -> new JsonSlurper().parse(f) }

// 1: registered with the role deploy-stack recorded; the stand-in started for this build and stopped with it
def root = json(new File(results, 'root.json'))
assert root.certificateMode == 'DEFAULT' && root.target == 'LOCAL'
assert root.roleArn == 'arn:aws:iam::123456789012:role/IoTProvisioning'
assert root.certificateArn == 'arn:aws:iot:us-east-1:123456789012:cacert/' + root.certificateId
assert log.contains('Role arn:aws:iam::123456789012:role/IoTProvisioning from ' + new File(basedir,
        'target/iot-jitp/stacks/jitp-provisioning.json').canonicalPath)
assert log.contains('Registered CA ' + root.certificateId + ' (DEFAULT, ACTIVE, auto-registration ENABLE')
assert log.count('Stopped the stand-in (pid ') == 2
// 3: rerun: same CA, nothing changed (the result file says so too)
assert log.contains('CA ' + root.certificateId + ' is already registered and up to date; nothing changed')
assert root.action == 'unchanged'
// 2: the lint names the parameter and the fix, before any stand-in or AWS call
assert log.contains('Nothing was registered: devices would stay PENDING_ACTIVATION')
assert log.contains('parameter AWS::IoT::Certificate::SerialNumber needs the subject attribute serialNumber')
assert log.contains('-Diot.device.serialNumber=<value>')
assert !log.contains('MojoExecutionException')
// Forks 1 and 3 each started and stopped their own stand-in; fork 2 never reached one
assert log.count('Starting the stand-in (pid') == 2
assert log.count('Target: local stand-in at http://127.0.0.1:') == 4
// 3: with the attribute the same template passes; SNI_ONLY needs no verification certificate
def other = json(new File(results, 'other.json'))
assert other.action == 'registered' && other.certificateMode == 'SNI_ONLY'
assert other.roleArn == 'arn:aws:iam::123456789012:role/Custom'
// The registry kept both CAs once each; no stand-in is left running
def registry = new File(state, 'iot-registry.json').text
assert registry.count(root.certificateId) >= 1 && registry.contains(other.certificateId)
assert !new File(state, 'endpoints.json').exists()
return true
