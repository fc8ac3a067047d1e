# This folder is a root module (the only module here with a provider block). It starts on local state; see README.
provider "azurerm" {
  subscription_id     = var.subscription_id # null: ARM_SUBSCRIPTION_ID
  storage_use_azuread = true                # shared keys are disabled on the account

  features {
    storage {
      # The account has no public data plane by default; manage it through ARM only.
      data_plane_available = false
    }
    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}
