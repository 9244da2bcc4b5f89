/** Target selection (stand-in or AWS), connections and SDK clients: one code path for both. */
package io.jitp.core.aws;
