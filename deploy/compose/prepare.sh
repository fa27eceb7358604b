#!/usr/bin/env bash
# Prepares, once, what docker-compose.yml needs and the repository must not hold (needs bash and openssl 1.1.1 or
# newer; run it again after BusAccess gains a user, it keeps what exists):
#   - .env beside docker-compose.yml: a random password for the broker's admin and for every user of the bus
#     (bus-access.sh), as PLUMBLINE_KAFKA_PASSWORD_<USER>; compose gives each service only its own;
#   - .plumbline/compose/signing/<service>/key.pem: the Ed25519 keys of git-watcher, the renderer and the
#     drift-auditor, each mounted into its own service only, and signing/public/<service>.pub, mounted into the
#     services that check their signatures;
#   - .plumbline/compose/kafka-ca/: where kafka-setup puts the broker's CA certificate for the clients;
#   - .plumbline/compose/image-updater/: the image-updater reads every *.properties file you put there (its Git
#     write credentials, registry logins, notification secrets and CI tokens: docs/deploy.md);
#   - .plumbline/compose/clients/<user>.properties: Kafka client settings for the host (plumb, audit-reader,
#     admin): localhost:29092 over TLS as that user, for kafka-console-consumer.sh --consumer.config and the like.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/compose/bus-access.sh

dir=.plumbline/compose
umask 077
mkdir -p "$dir/signing/public" "$dir/kafka-ca" "$dir/clients" "$dir/image-updater"
touch .env
chmod 0600 .env

password_variable() {
  echo "PLUMBLINE_KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"
}

for user in admin "${PLUMBLINE_KAFKA_USERS[@]}"; do
  variable=$(password_variable "$user")
  grep -q "^$variable=" .env || echo "$variable=$(openssl rand -hex 24)" >> .env
done

for service in git-watcher renderer drift-auditor; do
  mkdir -p "$dir/signing/$service"
  if [[ ! -f "$dir/signing/$service/key.pem" ]]; then
    openssl genpkey -algorithm ed25519 -out "$dir/signing/$service/key.pem"
    openssl pkey -in "$dir/signing/$service/key.pem" -pubout -out "$dir/signing/public/$service.pub"
  fi
done

for user in admin plumb audit-reader; do
  password=$(grep "^$(password_variable "$user")=" .env | cut -d= -f2-)
  cat > "$dir/clients/$user.properties" <<PROPERTIES
bootstrap.servers=localhost:29092
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$user" password="$password";
ssl.truststore.type=PEM
ssl.truststore.location=$PWD/$dir/kafka-ca/ca.crt
PROPERTIES
done

# The containers do not run as you: what they mount is readable by everyone, and the folder above it by you alone.
chmod 0700 "$dir"
chmod 0755 "$dir/signing" "$dir/signing"/* "$dir/kafka-ca" "$dir/image-updater"
chmod 0644 "$dir"/signing/*/*
echo "prepared .env and $dir; now: docker compose up -d"
