#!/usr/bin/env bash
# The one-shot setup of docker-compose.yml's broker (the kafka-setup service), run as root in the apache/kafka
# image before the broker starts. What exists is kept, so it runs at every `docker compose up`. It makes:
#   - a CA and the broker's certificate for the names kafka and localhost, with keytool: the broker's keystore in
#     /var/lib/kafka/config, the CA's certificate in /plumbline/kafka-ca/ca.crt for every client. The CA's private
#     key is not kept: a new broker certificate comes with a new CA (delete the kafka-config volume);
#   - /var/lib/kafka/config/server.properties: /plumbline/server.properties plus the keystore password and the
#     broker's own credentials (admin), and admin.properties for kafka-acls and the health check;
#   - the broker's storage, formatted with a SCRAM-SHA-512 credential for admin and for every user of
#     bus-access.sh, each password from PLUMBLINE_KAFKA_PASSWORD_<USER> (prepare.sh writes them to .env). A user
#     added to BusAccess after the storage was formatted, or a changed password, is set on the running broker:
#     kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name USER
set -euo pipefail
. /plumbline/bus-access.sh

config=/var/lib/kafka/config
data=/var/lib/kafka/data
clients_ca=/plumbline/kafka-ca
bin=/opt/kafka/bin
owner="$(id -u appuser):$(id -g appuser)"

password_of() {
  local variable
  variable="PLUMBLINE_KAFKA_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"
  if [[ ! "${!variable:-}" =~ ^[A-Za-z0-9]{16,}$ ]]; then
    echo "kafka-setup: $variable is not set, or not 16 or more letters and digits; run deploy/compose/prepare.sh" >&2
    return 1
  fi
  printf '%s' "${!variable}"
}

admin_password=$(password_of admin)
scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]")
for user in "${PLUMBLINE_KAFKA_USERS[@]}"; do
  password=$(password_of "$user")
  scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$password]")
done

mkdir -p "$config" "$clients_ca"
if [[ ! -f "$config/broker.p12" ]]; then
  echo "kafka-setup: making a CA and the broker's certificate"
  work=$(mktemp -d)
  storepass=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 3650 -ext bc:c \
    -dname "CN=Plumbline compose Kafka CA" -keystore "$work/ca.p12" -storetype PKCS12 -storepass "$storepass"
  keytool -exportcert -rfc -alias ca -keystore "$work/ca.p12" -storepass "$storepass" -file "$work/ca.crt"
  keytool -genkeypair -alias kafka -keyalg EC -groupname secp256r1 -validity 825 \
    -dname "CN=kafka" -keystore "$config/broker.p12" -storetype PKCS12 -storepass "$storepass"
  keytool -certreq -alias kafka -keystore "$config/broker.p12" -storepass "$storepass" -file "$work/kafka.csr"
  keytool -gencert -rfc -alias ca -keystore "$work/ca.p12" -storepass "$storepass" -validity 825 \
    -ext SAN=dns:kafka,dns:localhost -ext EKU=serverAuth,clientAuth -infile "$work/kafka.csr" -outfile "$work/kafka.crt"
  keytool -importcert -noprompt -alias ca -keystore "$config/broker.p12" -storepass "$storepass" -file "$work/ca.crt"
  keytool -importcert -alias kafka -keystore "$config/broker.p12" -storepass "$storepass" -file "$work/kafka.crt"
  cp "$work/ca.crt" "$config/ca.crt"
  printf '%s' "$storepass" > "$config/keystore-password"
  rm -rf "$work"
fi
install -m 0644 "$config/ca.crt" "$clients_ca/ca.crt"

admin_jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";"
{
  cat /plumbline/server.properties
  echo "ssl.keystore.password=$(cat "$config/keystore-password")"
  echo "listener.name.broker.scram-sha-512.sasl.jaas.config=$admin_jaas"
} > "$config/server.properties"
cat > "$config/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$admin_jaas
ssl.truststore.type=PEM
ssl.truststore.location=$config/ca.crt
PROPERTIES

if [[ ! -f "$data/meta.properties" ]]; then
  echo "kafka-setup: formatting the storage with the SCRAM users admin ${PLUMBLINE_KAFKA_USERS[*]}"
  "$bin/kafka-storage.sh" format --config "$config/server.properties" \
    --cluster-id "$("$bin/kafka-storage.sh" random-uuid)" "${scram[@]}"
fi

chown -R "$owner" "$config" "$data"
chmod 0700 "$config"
chmod 0600 "$config"/*
