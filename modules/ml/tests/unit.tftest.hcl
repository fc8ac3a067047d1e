mock_provider "azurerm" {}

variables {
  name                             = "mlw-unit-01"
  location                         = "swedencentral"
  resource_group_name              = "rg-unit"
  storage_account_resource_id      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Storage/storageAccounts/stmlunit"
  key_vault_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.KeyVault/vaults/kv-ml-unit"
  application_insights_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Insights/components/appi-ml-unit"
  private_endpoints = {
    pe = {
      subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
      private_dns_zone_resource_ids = [
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net",
      ]
    }
  }
  diagnostic_settings = {
    law = {
      workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
    }
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = azurerm_machine_learning_workspace.this.public_network_access_enabled == false
    error_message = "public network access must be off"
  }
  assert {
    condition     = azurerm_machine_learning_workspace.this.managed_network[0].isolation_mode == "AllowOnlyApprovedOutbound"
    error_message = "managed network must allow only approved outbound"
  }
  assert {
    condition     = azurerm_machine_learning_workspace.this.v1_legacy_mode_enabled == false
    error_message = "v1 legacy mode must be off"
  }
  assert {
    condition     = azurerm_machine_learning_workspace.this.storage_account_access_type == "Identity"
    error_message = "the workspace must reach its keyless storage with its identity (storage_account_access_type = Identity)"
  }
  assert {
    condition     = azurerm_machine_learning_workspace.this.identity[0].type == "SystemAssigned"
    error_message = "workspace must have an identity"
  }
  assert {
    condition     = azurerm_machine_learning_workspace.this.storage_account_id == var.storage_account_resource_id && azurerm_machine_learning_workspace.this.key_vault_id == var.key_vault_resource_id && azurerm_machine_learning_workspace.this.application_insights_id == var.application_insights_resource_id
    error_message = "the workspace must use its own storage, Key Vault and Application Insights"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-mlw-unit-01-pe"
    error_message = "a private endpoint must be created"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.this["law"].log_analytics_workspace_id == var.diagnostic_settings.law.workspace_resource_id
    error_message = "diagnostic setting must be created"
  }
}

run "rejects_wrong_storage_id" {
  command = plan
  variables {
    storage_account_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.KeyVault/vaults/kv"
  }
  expect_failures = [var.storage_account_resource_id]
}

run "rejects_wrong_key_vault_id" {
  command = plan
  variables {
    key_vault_resource_id = "kv-ml-unit"
  }
  expect_failures = [var.key_vault_resource_id]
}

run "rejects_wrong_app_insights_id" {
  command = plan
  variables {
    application_insights_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
  }
  expect_failures = [var.application_insights_resource_id]
}

run "rejects_wrong_registry_id" {
  command = plan
  variables {
    container_registry_resource_id = "crunit.azurecr.io"
  }
  expect_failures = [var.container_registry_resource_id]
}

run "rejects_no_identity" {
  command = plan
  variables {
    managed_identities = {}
  }
  expect_failures = [var.managed_identities]
}

run "rejects_primary_identity_not_attached" {
  command = plan
  variables {
    primary_user_assigned_identity_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml"
  }
  expect_failures = [var.primary_user_assigned_identity_resource_id]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "Delete" }
  }
  expect_failures = [var.lock]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "ml"
  }
  expect_failures = [var.name]
}

run "rejects_bad_storage_access_type" {
  command = plan
  variables {
    storage_account_access_type = "SharedKey"
  }
  expect_failures = [var.storage_account_access_type]
}
