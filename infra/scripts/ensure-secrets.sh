#!/usr/bin/env bash
# Generates the deployment's secrets once and keeps them in the azd environment, where
# main.parameters.json passes them to Key Vault (SCHEDULER_CALLBACK_SECRET, MCP_REQUEST_STATE_KEY)
# and to the gateway (APIM_GATEWAY_MARKER). A value already there is never replaced: regenerating
# on every `azd up` would silently rotate the callback secret under the scheduler. In a pipeline
# (CI set) nothing is generated: the values must come from the pipeline's secrets.
set -euo pipefail

# The value of NAME from the process environment (a pipeline's secrets) or the azd environment.
current_value() {
  local name="$1"
  if [ -n "${!name:-}" ]; then printf '%s' "${!name}"; return; fi
  azd env get-value "$name" 2>/dev/null || true
}

random_secret() { node -e "process.stdout.write(require('node:crypto').randomBytes(48).toString('base64url'))"; }
random_guid() { node -e "process.stdout.write(require('node:crypto').randomUUID())"; }

ensure() {
  local name="$1" generator="$2"
  if [ -n "$(current_value "$name")" ]; then
    echo "  $name: kept"
    return
  fi
  if [ -n "${CI:-}" ]; then
    echo "$name is not set: add it to the pipeline's secrets (see docs/deploy.md#deploy-from-github-actions)" >&2
    exit 1
  fi
  azd env set "$name" "$("$generator")" >/dev/null
  echo "  $name: generated and stored in the azd environment"
}

echo "Deployment secrets:"
ensure SCHEDULER_CALLBACK_SECRET random_secret
ensure MCP_REQUEST_STATE_KEY random_secret
ensure APIM_GATEWAY_MARKER random_guid
