#!/usr/bin/env bash
# Writes the secret files docker-compose.yml hands to the containers, with fresh random values,
# into the directory given (default: $SECRETS_DIR, else ./secrets). An existing file is kept,
# so running it again never changes a secret a deployment already uses.
set -euo pipefail

dir="${1:-${SECRETS_DIR:-./secrets}}"
mkdir -p "$dir"
chmod 700 "$dir"
# Readable inside the containers (their users are not the file's owner); the directory keeps others out.
umask 022

random() { head -c 96 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }

write() {
  if [ -e "$dir/$1" ]; then
    echo "kept    $dir/$1"
  else
    printf '%s\n' "$2" >"$dir/$1"
    echo "written $dir/$1"
  fi
}

write jwt_secret "$(random 64)"
write metrics_token "$(random 48)"
write mongodb_uri 'mongodb://mongo:27017/chat'
write redis_url 'redis://redis:6379'
# The broker's account and the app's URL must agree: both come from one password, written together.
if [ -e "$dir/rabbitmq_url" ] && [ -e "$dir/rabbitmq.conf" ]; then
  echo "kept    $dir/rabbitmq_url and $dir/rabbitmq.conf"
elif [ -e "$dir/rabbitmq_url" ] || [ -e "$dir/rabbitmq.conf" ]; then
  echo "$dir holds only one of rabbitmq_url and rabbitmq.conf: remove it to write both anew" >&2
  exit 1
else
  password="$(random 32)"
  write rabbitmq_url "amqp://chat:${password}@rabbitmq:5672"
  write rabbitmq.conf "$(printf 'default_user = chat\ndefault_pass = %s' "$password")"
fi
