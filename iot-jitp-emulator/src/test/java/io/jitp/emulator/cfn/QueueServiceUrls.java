package io.jitp.emulator.cfn;

import java.net.URI;

/** Queue URLs carry ElasticMQ's port, which changes across restarts; tests compare their paths. */
final class QueueServiceUrls {

    private QueueServiceUrls() {
    }

    static String path(String queueUrl) {
        return URI.create(queueUrl).getPath();
    }
}
