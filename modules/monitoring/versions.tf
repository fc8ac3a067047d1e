terraform {
  required_version = ">= 1.11, < 2.0" # write-only attributes (value_wo) need 1.11

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # Application Insights local_authentication_enabled / ip_masking_enabled replaced the *_disabled names in
      # mid-2026 (provider PR #32634); that release could not be pinned offline, so the floor is the tested 4.79.0.
      version = ">= 4.79, < 5.0"
    }
  }
}
