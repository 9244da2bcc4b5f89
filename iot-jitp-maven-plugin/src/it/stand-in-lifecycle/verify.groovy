import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def state = new File(basedir, 'stand-in')
def stacks = new File(basedir, 'target/iot-jitp/stacks')
def json = { File f -> new JsonSlurper().parse(f) }

// 1: deploy-stack started one for its build, emulator-start restarted it to outlive the build;
// 2: found running; the emulator goal only prints how to use it; later goals reuse it instead of starting their own
assert log.contains('Restarting the stand-in this build started, so that it keeps running after the build')
assert log.count('Started the stand-in for ' + state.canonicalPath) == 1
assert log.count('Starting the stand-in (pid') == 2
assert log.contains('Already running: the stand-in for ' + state.canonicalPath)
assert log.contains('This stand-in was started elsewhere (mvn iot:emulator-start) and keeps running')
assert log.contains('/usr/bin/aws --endpoint-url http://127.0.0.1:')
assert log.contains('mosquitto_pub -h localhost -p ')
assert log.contains('Target: local stand-in at http://127.0.0.1:')
assert log.contains('Creating stack jitp-provisioning from jitp-provisioning:')
assert log =~ /CREATE_COMPLETE\s+AWS::IAM::Role\s+ProvisioningRole/
def jitp = json(new File(stacks, 'jitp-provisioning.json'))
assert jitp.status == 'CREATE_COMPLETE'
assert jitp.outputs.ProvisioningRoleArn == 'arn:aws:iam::123456789012:role/IoTProvisioning'
assert log.contains('ProvisioningRoleArn = arn:aws:iam::123456789012:role/IoTProvisioning')
// 3: parameters; 7: deleted again, its outputs file removed
assert log.contains('QueueName = telemetryQueue')
assert !new File(stacks, 'sqs-forwarding.json').exists()
assert log.contains('Stack sqs-forwarding DELETE_COMPLETE')
assert log.contains('Stack nothing-here does not exist; nothing to delete')
// 4: rerun
assert log.contains('Stack jitp-provisioning is up to date: no changes')
// 5: aws path: account from STS, endpoints overridden, credentials from settings.xml
assert log.contains('Target: AWS (endpoints overridden: http://127.0.0.1:')
assert json(new File(stacks, 'loadtest-policy.json')).outputs.PolicyName == 'LoadTestPolicy'
// 6: the failing resource and its reason
assert log.contains('Stack broken ended ROLLBACK_COMPLETE: resource Clash (AWS::IoT::Policy) failed: ')
// 8: aws offline fails at once
assert log.contains('iot.target=aws needs the network, but Maven runs offline (-o)')
// 9: stopped, and a second stop finds nothing; skip
assert log.contains('Stopped the stand-in (pid ')
assert log.contains('No stand-in is running for ' + state.canonicalPath + '; nothing to stop')
assert log.contains('Skipping deploy-stack (iot.deploy-stack.skip=true)')
assert !new File(state, 'endpoints.json').exists()
// The state outlives the stand-in, like an AWS account
assert new File(state, 'iot-registry.json').text.contains('LoadTestPolicy')
return true
