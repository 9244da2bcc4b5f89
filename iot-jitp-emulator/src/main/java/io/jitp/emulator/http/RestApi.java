package io.jitp.emulator.http;

/** A REST service behind the front door (the IoT control plane). */
public interface RestApi {
    /**
     * @param request an authenticated request that is not a query-protocol form
     * @return the reply, errors included
     */
    HttpReply handle(ReceivedRequest request);
}
