#!/usr/bin/env bash
# Creates or updates this environment's Microsoft Entra app registration (Azure CLI, idempotent):
# the `MCP.Access` delegated scope, the app roles support.read, support.write, security and admin
# (plus MCP.Access for app-only callers), v2 access tokens, the app ID URI api://<client id>, the
# well-known clients users connect with pre-authorised for the scope (VS Code; the Azure CLI, to
# mint a token for the Inspector or curl; ENTRA_PREAUTHORIZED_CLIENT_IDS for more, e.g. the
# Inspector's own registration), and a service principal that requires assignment. Then it sets
# AUTH_AUDIENCE, ENTRA_APP_CLIENT_ID, ENTRA_TENANT_ID and (when unset) ALLOWED_TENANTS in the azd
# environment. Scope and role ids are read back and kept, so a rerun changes nothing.
# ENTRA_APP_REGISTRATION=skip leaves Entra alone (set AUTH_AUDIENCE yourself: docs/deploy.md).
# ENTRA_ASSIGN_DEPLOYER_ROLES=support.write,admin assigns those roles to the signed-in user.
set -euo pipefail

setting() { # NAME: from the process environment, else the azd environment
  if [ -n "${!1:-}" ]; then printf '%s' "${!1}"; else azd env get-value "$1" 2>/dev/null || true; fi
}

if [ "$(setting ENTRA_APP_REGISTRATION)" = "skip" ]; then
  echo "Entra app registration: skipped (ENTRA_APP_REGISTRATION=skip); AUTH_AUDIENCE=$(setting AUTH_AUDIENCE)"
  [ -n "$(setting AUTH_AUDIENCE)" ] || { echo "AUTH_AUDIENCE is not set: see docs/deploy.md#without-the-hook" >&2; exit 1; }
  exit 0
fi

SCOPE=MCP.Access
ROLES=(support.read support.write security admin)
VS_CODE_CLIENT_ID=aebc6443-996d-45c2-90f0-388ff96faa56
AZURE_CLI_CLIENT_ID=04b07795-8ddb-461a-bbee-02f9e1bf7b46

env_name="${AZURE_ENV_NAME:?run through azd (AZURE_ENV_NAME is not set)}"
display_name="$(setting ENTRA_APP_DISPLAY_NAME)"
display_name="${display_name:-Contoso MCP (${env_name})}"
graph="$(az cloud show --query endpoints.microsoftGraphResourceId -o tsv)"
graph="${graph%/}/v1.0"
tenant_id="$(az account show --query tenantId -o tsv)"
new_id() { node -e "process.stdout.write(require('node:crypto').randomUUID())"; }

# Find the registration: the client id this environment recorded, else by display name, else create it.
app_id="$(setting ENTRA_APP_CLIENT_ID)"
if [ -n "$app_id" ] && ! az ad app show --id "$app_id" --query appId -o tsv >/dev/null 2>&1; then app_id=""; fi
if [ -z "$app_id" ]; then app_id="$(az ad app list --display-name "$display_name" --query '[0].appId' -o tsv)"; fi
if [ -z "$app_id" ]; then
  app_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  echo "Entra app registration: created $display_name ($app_id)"
else
  echo "Entra app registration: updating $display_name ($app_id)"
fi
object_id="$(az ad app show --id "$app_id" --query id -o tsv)"

# Keep the ids Entra already has: a scope or role whose id changes is a new one to every client.
scope_id="$(az ad app show --id "$app_id" --query "api.oauth2PermissionScopes[?value=='$SCOPE'].id | [0]" -o tsv)"
scope_id="${scope_id:-$(new_id)}"
role_json() { # VALUE MEMBER_TYPES DESCRIPTION
  local id
  id="$(az ad app show --id "$app_id" --query "appRoles[?value=='$1'].id | [0]" -o tsv)"
  printf '{"id":"%s","value":"%s","displayName":"%s","description":"%s","allowedMemberTypes":%s,"isEnabled":true}' \
    "${id:-$(new_id)}" "$1" "$1" "$3" "$2"
}
app_roles="[$(role_json support.read '["User","Application"]' 'Read Contoso customer data through the MCP tools'),\
$(role_json support.write '["User","Application"]' 'Read, and pay invoices, update subscriptions and open tickets'),\
$(role_json security '["User","Application"]' 'Read, and unlock accounts'),\
$(role_json admin '["User","Application"]' 'Operate the app (POST /api/manage/*)'),\
$(role_json "$SCOPE" '["Application"]' 'Call the MCP endpoint as an application (app-only tokens)')]"
scope_json="{\"id\":\"$scope_id\",\"value\":\"$SCOPE\",\"type\":\"User\",\"isEnabled\":true,\
\"adminConsentDisplayName\":\"Access the Contoso support MCP server\",\"adminConsentDescription\":\"Call the Contoso support tools as the signed-in user\",\
\"userConsentDisplayName\":\"Access the Contoso support MCP server\",\"userConsentDescription\":\"Call the Contoso support tools as you\"}"

patch() { az rest --method PATCH --uri "$graph/applications/$object_id" --headers Content-Type=application/json --body "$1" >/dev/null; }
# The scope must exist before clients can be pre-authorised for it, hence two updates.
patch "{\"identifierUris\":[\"api://$app_id\"],\"appRoles\":$app_roles,\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":[$scope_json]}}"
clients="$VS_CODE_CLIENT_ID,$AZURE_CLI_CLIENT_ID,$(setting ENTRA_PREAUTHORIZED_CLIENT_IDS)"
pre_authorized=""
for client in ${clients//,/ }; do
  pre_authorized="${pre_authorized:+$pre_authorized,}{\"appId\":\"$client\",\"delegatedPermissionIds\":[\"$scope_id\"]}"
done
patch "{\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":[$scope_json],\"preAuthorizedApplications\":[$pre_authorized]}}"

# The enterprise application: only assigned users, groups and apps get tokens for this API.
sp_id="$(az ad sp show --id "$app_id" --query id -o tsv 2>/dev/null || true)"
if [ -z "$sp_id" ]; then sp_id="$(az ad sp create --id "$app_id" --query id -o tsv)"; fi
az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true >/dev/null

deployer_roles="$(setting ENTRA_ASSIGN_DEPLOYER_ROLES)"
if [ -n "$deployer_roles" ]; then
  user_id="$(az ad signed-in-user show --query id -o tsv)"
  for role in ${deployer_roles//,/ }; do
    role_id="$(az ad app show --id "$app_id" --query "appRoles[?value=='$role'].id | [0]" -o tsv)"
    [ -n "$role_id" ] || { echo "ENTRA_ASSIGN_DEPLOYER_ROLES: no app role $role" >&2; exit 1; }
    assigned="$(az rest --method GET --uri "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" \
      --query "length(value[?principalId=='$user_id' && appRoleId=='$role_id'])" -o tsv)"
    if [ "$assigned" = "0" ]; then
      az rest --method POST --uri "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" --headers Content-Type=application/json \
        --body "{\"principalId\":\"$user_id\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" >/dev/null
      echo "  assigned $role to you"
    fi
  done
fi

azd env set AUTH_AUDIENCE "api://$app_id,$app_id" >/dev/null
azd env set ENTRA_APP_CLIENT_ID "$app_id" >/dev/null
azd env set ENTRA_TENANT_ID "$tenant_id" >/dev/null
if [ -z "$(setting ALLOWED_TENANTS)" ]; then azd env set ALLOWED_TENANTS "$tenant_id" >/dev/null; fi
echo "  AUTH_AUDIENCE=api://$app_id,$app_id  ENTRA_TENANT_ID=$tenant_id  ALLOWED_TENANTS=$(setting ALLOWED_TENANTS)"
echo "  scope api://$app_id/$SCOPE; app roles ${ROLES[*]}"
