# schemathesis hooks for muavu serve (scripts/schemathesis.sh): POST /v1/observations takes its
# body as text/csv, which schemathesis has no serializer for; the body is text, sent as text/plain is.
import schemathesis

schemathesis.serializer.alias("text/csv", "text/plain")
