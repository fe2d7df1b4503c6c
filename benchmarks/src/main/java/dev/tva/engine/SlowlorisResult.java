package dev.tva.engine;

import dev.tva.workloads.Environment;

/**
 * One server under slowloris: when its connections were cut off, and what it held while they were open,
 * against the same server with none.
 *
 * @param server            server id
 * @param connections       slowloris connections opened
 * @param byteEveryMillis   one byte of head per this many ms, per connection
 * @param headTimeoutMillis the lab's head timeout the server was asked to enforce
 * @param cutOff            connections the server closed; {@code notCutOff} were still open when given up
 * @param answered408       connections that got a 408 before the close
 * @param cutOffMinMillis   from a connection's first byte to its close; -1 when none was cut off
 * @param idle              the server with no slowloris connection
 * @param attacked          the server while every slowloris connection is open
 * @param helloP99Millis    p99 of a few {@code /hello} during the attack; -1 when none was answered
 * @param helloFailed       of those, how many got no answer in time
 * @param holds             what one slowloris connection costs the server ({@link dev.tva.report.SlowlorisVerdict})
 */
public record SlowlorisResult(String server, int connections, long byteEveryMillis, long headTimeoutMillis,
                              int cutOff, int notCutOff, int answered408,
                              long cutOffMinMillis, long cutOffMedianMillis, long cutOffMaxMillis,
                              Sample idle, Sample attacked, long helloP99Millis, int helloSent, int helloFailed,
                              String holds, Environment env) {

    /**
     * What the server holds at one moment.
     *
     * @param platformThreads    the process's threads (/proc)
     * @param virtualThreads     virtual threads in its thread dump
     * @param platformInHeadRead platform threads parked reading a request head
     * @param virtualInHeadRead  virtual threads parked reading a request head
     * @param rssMb              resident memory, MiB
     */
    public record Sample(long platformThreads, int virtualThreads, int platformInHeadRead, int virtualInHeadRead, long rssMb) {
    }
}
