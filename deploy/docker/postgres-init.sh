#!/usr/bin/env bash
# Runs once, on an empty data directory (docker-entrypoint-initdb.d in compose; the same
# script is in the Kubernetes postgres-init ConfigMap). One login role and one database
# owned by it per service, and one for the gateway's rate-limit buckets: in PostgreSQL 15 only the owner may create objects in `public`,
# which Flyway needs. Passwords come from <DB>_PASSWORD variables of the container.
set -euo pipefail
for db in activelist deemedattendance community guide gateway; do
  var="${db^^}_PASSWORD"
  password="${!var:?$var must be set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$db" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' LOCALE ''C.UTF-8'' TEMPLATE template0', :'role', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'role') \gexec
SQL
done
