provider "azurerm" {
  # null: ARM_SUBSCRIPTION_ID from the environment (the action's OIDC login sets it).
  subscription_id = var.subscription_id

  # Key Vault, ML storage and state use Entra ID (shared keys are off).
  storage_use_azuread = true

  features {
    # The ML storage account has public network access off: with the data plane assumed reachable, creating it fails
    # (the provider polls the blob/queue/file endpoints after create: storage_account_resource.go around L1578 at
    # v4.79.0; hashicorp/terraform-provider-azurerm#32474, #25978). With false the provider manages it through ARM only.
    # Azure-side: the offline provider cannot show this failure; __tests__/stack-chat-llm.test.ts checks the setting.
    storage {
      data_plane_available = false
    }
    key_vault {
      # Purge protection is on, so purging would fail anyway; keep soft-deleted vaults recoverable.
      purge_soft_delete_on_destroy = false
    }
  }
}
