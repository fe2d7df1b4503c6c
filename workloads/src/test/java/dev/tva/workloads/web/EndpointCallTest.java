package dev.tva.workloads.web;

import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Params;
import dev.tva.workloads.Workload;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointCallTest {

    private static EndpointCall parse(String uri) {
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        return EndpointCall.parse(decoded.path(), decoded.parameters());
    }

    private static String reason(String uri) {
        try {
            parse(uri);
        } catch (RuntimeException e) {
            return Replies.failure(e).status() + " " + Replies.failure(e).body();
        }
        throw new AssertionError(uri + " was accepted");
    }

    @Test
    void eachEndpointBecomesItsWorkload() {
        assertThat(parse("/hello")).isEqualTo(new EndpointCall.Hello());
        assertThat(parse("/sleep?ms=50")).isEqualTo(new EndpointCall.Work(Endpoint.SLEEP, new Workload.Sleep(50)));
        assertThat(parse("/io?ms=50")).isEqualTo(new EndpointCall.Work(Endpoint.IO, new Workload.Http(50, Replies.DEFAULT_BYTES)));
        assertThat(parse("/io?ms=5&bytes=100")).isEqualTo(new EndpointCall.Work(Endpoint.IO, new Workload.Http(5, 100)));
        assertThat(parse("/cpu?work=300")).isEqualTo(new EndpointCall.Work(Endpoint.CPU, new Workload.Cpu(300, EndpointCall.CPU_SEED)));
        assertThat(parse("/mixed?ms=5&work=3")).isEqualTo(new EndpointCall.Work(Endpoint.MIXED,
                new Workload.Mixed(new Workload.Http(5, Replies.DEFAULT_BYTES), new Workload.Cpu(3, EndpointCall.CPU_SEED))));
        assertThat(parse("/fanout?n=10&ms=20")).isEqualTo(new EndpointCall.Work(Endpoint.FANOUT, new Workload.FanOut(10, 20, Replies.DEFAULT_BYTES)));
        assertThat(parse("/db?ms=10")).isEqualTo(new EndpointCall.Work(Endpoint.DB, new Workload.Db(10, DbQuery.SLEEP, 0)));
        assertThat(parse("/stream?chunks=3&ms=100")).isEqualTo(new EndpointCall.Stream(3, 100));
    }

    @Test
    void badValuesNameTheParameterAndItsRange() {
        assertThat(reason("/sleep?ms=-5")).isEqualTo("400 ms must be an integer between 0 and 60000, got -5\n");
        assertThat(reason("/cpu?work=abc")).isEqualTo("400 work must be an integer between 0 and 100000, got 'abc'\n");
        assertThat(reason("/sleep?ms=60001")).isEqualTo("400 ms must be an integer between 0 and 60000, got 60001\n");
        assertThat(reason("/fanout?n=101&ms=1")).isEqualTo("400 n must be an integer between 1 and 100, got 101\n");
        assertThat(reason("/sleep")).isEqualTo("400 ms is required: an integer between 0 and 60000\n");
        assertThat(reason("/stream?ms=5")).isEqualTo("400 chunks is required: an integer between 1 and 1000\n");
        assertThat(reason("/io?msec=50")).isEqualTo("400 unknown parameter 'msec'; accepted: ms, bytes\n");
        assertThat(reason("/hello?x=1")).isEqualTo("400 unknown parameter 'x'; accepted: none\n");
    }

    @Test
    void anUnknownPathIs404AndListsTheEndpoints() {
        assertThat(reason("/nope")).startsWith("404 no such path: /nope; endpoints: /hello, /sleep?ms=, /io?ms=&bytes=,")
                .endsWith("/stream?chunks=&ms=\n");
    }

    @Test
    void answersAreOneLineComputedFromTheResult() {
        EndpointCall cpu = parse("/cpu?work=10");
        long checksum = CpuKernel.run(10, EndpointCall.CPU_SEED);
        assertThat(Replies.ok(cpu, checksum)).isEqualTo(new Replies.Reply(200, "cpu 10 units: checksum " + checksum + "\n"));
        assertThat(Replies.ok(parse("/fanout?n=3&ms=1"), 48).body()).isEqualTo("fanout 3 calls of 1 ms: 48 bytes\n");
        assertThat(Replies.chunk(2, 3)).isEqualTo("chunk 2 of 3\n");
    }

    @Test
    void failuresMapToTheirStatus() {
        assertThat(Replies.failure(new CompletionException(new IOException("connection refused"))))
                .isEqualTo(new Replies.Reply(502, "backend call failed: connection refused\n"));
        assertThat(Replies.failure(new SQLTransientConnectionException("lab-db - Connection is not available")).status()).isEqualTo(503);
        assertThat(Replies.failure(new java.util.concurrent.TimeoutException("after 30 s")).status()).isEqualTo(504);
        assertThat(Replies.failure(new Params.BadRequestException("x")).status()).isEqualTo(400);
        assertThat(Replies.failure(new IllegalStateException("bug")).status()).isEqualTo(500);
    }
}
