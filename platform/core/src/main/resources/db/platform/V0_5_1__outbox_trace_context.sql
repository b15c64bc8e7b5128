-- The W3C trace context (traceparent, tracestate) current when the event was written: the relay's
-- publish span becomes its child and the published CloudEvent carries the publish span's own
-- context, so producer and consumers form one trace. Null for rows written outside any trace and
-- for rows older than this column (the relay then starts a new trace).
ALTER TABLE outbox ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
