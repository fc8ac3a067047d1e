# Partial configuration: the state location comes from `terraform init -backend-config=...` (the action's
# `backend-config` input), e.g. resource_group_name, storage_account_name, container_name, key, plus
# use_azuread_auth = true and use_oidc = true (the bootstrap-state module creates the account).
# Tests and local experiments override it with a local backend: drop a file named override.tf containing
#   terraform { backend "local" {} }
# next to this one (Terraform merges *override.tf files last), or run `terraform init -backend=false`.
terraform {
  backend "azurerm" {}
}
