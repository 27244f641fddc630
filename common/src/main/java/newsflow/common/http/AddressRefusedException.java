package newsflow.common.http;

import java.io.IOException;

/** The SSRF guard refused to connect: the address is not public and the allow list does not name it. */
final class AddressRefusedException extends IOException {

    AddressRefusedException(String reason) {
        super(reason);
    }
}
