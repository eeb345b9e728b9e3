#!/usr/bin/env bash
# azd's preprovision hook (azure.yaml): before every `azd provision` / `azd up`, make sure the azd
# environment holds what main.parameters.json maps: the secrets generated once per environment,
# the Microsoft Entra app registration's audience and tenants, and the Key Vault create mode (a
# vault left soft-deleted by `azd down` is recovered, not collided with). Each step is idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

"$here/ensure-secrets.sh"
"$here/entra-app-registration.sh"
"$here/key-vault-create-mode.sh"
