terraform {
  required_version = ">= 1.11, < 2.0" # write-only attributes (value_wo) need 1.11

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.42, < 5.0" # 4.42: key vault rbac_authorization_enabled; tested at 4.79.0
    }
    time = {
      source  = "hashicorp/time"
      version = ">= 0.9, < 1.0" # time_sleep for RBAC propagation; tested at 0.13.1
    }
  }
}
