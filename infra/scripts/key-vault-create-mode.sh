#!/usr/bin/env bash
# Key Vault keeps purge protection on, so `azd down --purge` cannot purge the vault: it stays
# soft-deleted for its retention (7 days) under its name, which is derived from the environment.
# Provisioning the same environment again within that time must recover it rather than create it:
# this sets KEYVAULT_CREATE_MODE (main.parameters.json → keyVaultCreateMode) to `recover` when the
# vault the environment last deployed (AZURE_KEY_VAULT_NAME, an output of main.bicep) is deleted.
set -euo pipefail

vault="${AZURE_KEY_VAULT_NAME:-$(azd env get-value AZURE_KEY_VAULT_NAME 2>/dev/null || true)}"
mode=default
if [ -n "$vault" ] && az keyvault show-deleted --name "$vault" --query name -o tsv >/dev/null 2>&1; then
  mode=recover
fi
azd env set KEYVAULT_CREATE_MODE "$mode" >/dev/null
echo "Key Vault ${vault:-(first deployment)}: create mode $mode"
