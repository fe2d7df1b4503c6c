package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lean clients' HTTP: exactly the backend's answers pass, and anything else is named. */
class LeanHttpTest {

    @Test
    void theRequestIsAKeepAliveGetOfTheDelayTarget() {
        byte[] request = LeanHttp.request(new Workload.Http(50, 16), "127.0.0.1:9000");
        assertThat(new String(request, StandardCharsets.US_ASCII))
                .isEqualTo("GET /delay?ms=50&bytes=16 HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n\r\n");
    }

    @Test
    void onlyAnHttp11StatusLineOf200Passes() {
        assertThatCode(() -> LeanHttp.status("HTTP/1.1 200 OK")).doesNotThrowAnyException();
        assertThatCode(() -> LeanHttp.status("HTTP/1.1 200")).doesNotThrowAnyException();
        assertThatThrownBy(() -> LeanHttp.status("HTTP/1.1 503 Service Unavailable"))
                .hasMessage("lean client: backend answered '503 Service Unavailable', not 200");
        assertThatThrownBy(() -> LeanHttp.status("HTTX/1.1 200 OK")).hasMessage("lean client: bad status line 'HTTX/1.1 200 OK'");
        assertThatThrownBy(() -> LeanHttp.status("HTTP/1.1 2000")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> LeanHttp.status("")).hasMessage("lean client: bad status line ''");
    }

    @Test
    void theHeadersGiveTheBodysLengthAndWhetherTheConnectionStays() throws IOException {
        LeanHttp.Head head = new LeanHttp.Head();
        head.header("content-type: application/octet-stream");
        head.header("Content-Length: 16");
        assertThat(head.bodyLength()).isEqualTo(16);
        assertThat(head.keepAlive()).isTrue();
        head.header("Connection: close");
        assertThat(head.keepAlive()).isFalse();
    }

    @Test
    void aChunkedOrUnmeasuredBodyIsAnErrorThatSaysSo() {
        assertThatThrownBy(() -> new LeanHttp.Head().header("Transfer-Encoding: chunked"))
                .hasMessage("lean client: chunked transfer-encoding is not supported");
        assertThatThrownBy(() -> new LeanHttp.Head().bodyLength()).hasMessage("lean client: the answer has no Content-Length");
        assertThatThrownBy(() -> new LeanHttp.Head().header("Content-Length: -3")).hasMessage("lean client: bad Content-Length '-3'");
        assertThatThrownBy(() -> new LeanHttp.Head().header("no colon here")).hasMessage("lean client: bad header line 'no colon here'");
    }
}
