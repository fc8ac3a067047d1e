provider "azurerm" {
  # null: ARM_SUBSCRIPTION_ID from the environment (the action's OIDC login sets it).
  subscription_id = var.subscription_id

  # Key Vault, ML storage and state use Entra ID (shared keys are off).
  storage_use_azuread = true

  features {
    key_vault {
      # Purge protection is on, so purging would fail anyway; keep soft-deleted vaults recoverable.
      purge_soft_delete_on_destroy = false
    }
  }
}
