/** Maven-free core of the IoT JITP plugin: nothing here imports {@code org.apache.maven}. */
package io.jitp.core;
