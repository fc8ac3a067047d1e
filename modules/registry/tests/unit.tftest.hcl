mock_provider "azurerm" {}

variables {
  name                = "crchatunit"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = azurerm_container_registry.this.sku == "Premium"
    error_message = "Premium by default"
  }
  assert {
    condition     = azurerm_container_registry.this.admin_enabled == false
    error_message = "admin user must be off (CKV_AZURE_137)"
  }
  assert {
    condition     = azurerm_container_registry.this.anonymous_pull_enabled == false
    error_message = "anonymous pull must be off (CKV_AZURE_138)"
  }
  assert {
    condition     = azurerm_container_registry.this.public_network_access_enabled == false
    error_message = "public network access must be off (CKV_AZURE_139)"
  }
  assert {
    condition     = azurerm_container_registry.this.zone_redundancy_enabled == true
    error_message = "zone redundancy must be on (CKV_AZURE_233)"
  }
  assert {
    condition     = azurerm_container_registry.this.retention_policy_in_days == 7
    error_message = "untagged manifest retention must be on (CKV_AZURE_167)"
  }
  assert {
    condition     = azurerm_container_registry.this.data_endpoint_enabled == true
    error_message = "dedicated data endpoints must be on (CKV_AZURE_237)"
  }
  assert {
    condition     = azurerm_container_registry.this.export_policy_enabled == false
    error_message = "export policy must be off"
  }
  assert {
    condition     = azurerm_container_registry.this.trust_policy_enabled == false
    error_message = "trust policy must be off (cannot be enabled on new registries)"
  }
  assert {
    condition     = azurerm_container_registry.this.network_rule_set[0].default_action == "Deny" && length(azurerm_container_registry.this.network_rule_set[0].ip_rule) == 0
    error_message = "network rules deny by default"
  }
  assert {
    condition     = azurerm_container_registry.this.network_rule_bypass_option == "AzureServices"
    error_message = "trusted Azure services may bypass"
  }
  assert {
    condition     = length(azurerm_container_registry.this.identity) == 0
    error_message = "no identity unless asked"
  }
}

run "acr_pull_private_endpoint_and_interfaces" {
  command = plan

  variables {
    pull_principal_ids = { app = "55555555-5555-5555-5555-555555555555" }
    private_endpoints = {
      pe = {
        subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
        private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io"]
      }
    }
    role_assignments = {
      ci = { role_definition_id_or_name = "AcrPush", principal_id = "66666666-6666-6666-6666-666666666666", principal_type = "ServicePrincipal" }
    }
    diagnostic_settings = {
      law = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit" }
    }
    managed_identities = { system_assigned = true, user_assigned_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cr"] }
    georeplications    = [{ location = "norwayeast" }]
    lock               = { kind = "CanNotDelete" }
  }

  assert {
    condition     = azurerm_role_assignment.pull["app"].role_definition_name == "AcrPull" && azurerm_role_assignment.pull["app"].principal_id == "55555555-5555-5555-5555-555555555555" && azurerm_role_assignment.pull["app"].principal_type == "ServicePrincipal"
    error_message = "AcrPull must be granted to the pull principals"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-crchatunit-pe"
    error_message = "the private endpoint (subresource registry) must be created"
  }
  assert {
    condition     = azurerm_role_assignment.this["ci"].role_definition_name == "AcrPush"
    error_message = "generic role assignments"
  }
  assert {
    condition     = [for log in azurerm_monitor_diagnostic_setting.this["law"].enabled_log : log.category_group] == ["allLogs"] && [for metric in azurerm_monitor_diagnostic_setting.this["law"].enabled_metric : metric.category] == ["AllMetrics"]
    error_message = "diagnostics: allLogs + AllMetrics"
  }
  assert {
    condition     = azurerm_container_registry.this.identity[0].type == "SystemAssigned, UserAssigned"
    error_message = "identity type from managed_identities"
  }
  assert {
    condition     = azurerm_container_registry.this.georeplications[0].location == "norwayeast" && azurerm_container_registry.this.georeplications[0].zone_redundancy_enabled == true
    error_message = "geo-replicas are zone redundant by default (CKV_AZURE_165)"
  }
  assert {
    condition     = azurerm_management_lock.this[0].lock_level == "CanNotDelete"
    error_message = "lock"
  }
}

run "public_access_with_ip_allowlist" {
  command = plan

  variables {
    public_network_access_enabled = true
    allowed_ip_ranges             = ["203.0.113.0/28"]
  }

  assert {
    condition     = azurerm_container_registry.this.network_rule_set[0].default_action == "Deny" && [for rule in azurerm_container_registry.this.network_rule_set[0].ip_rule : rule.ip_range] == ["203.0.113.0/28"]
    error_message = "public access only for the allowed ranges"
  }
  assert {
    condition     = azurerm_container_registry.this.export_policy_enabled == true
    error_message = "export must be enabled while public access is on (Azure requires it)"
  }
}

run "standard_sku_when_everything_premium_is_off" {
  command = plan

  variables {
    sku                           = "Standard"
    public_network_access_enabled = true
    zone_redundancy_enabled       = false
    data_endpoint_enabled         = false
    retention_policy_in_days      = null
  }

  assert {
    condition     = azurerm_container_registry.this.sku == "Standard" && azurerm_container_registry.this.zone_redundancy_enabled == false
    error_message = "Standard works without Premium-only features"
  }
}

run "rejects_private_endpoint_without_premium" {
  command = plan
  variables {
    sku                           = "Standard"
    public_network_access_enabled = true
    zone_redundancy_enabled       = false
    data_endpoint_enabled         = false
    retention_policy_in_days      = null
    private_endpoints = {
      pe = { subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe" }
    }
  }
  expect_failures = [var.sku]
}

run "rejects_public_access_off_without_premium" {
  command = plan
  variables {
    sku                      = "Basic"
    zone_redundancy_enabled  = false
    data_endpoint_enabled    = false
    retention_policy_in_days = null
  }
  expect_failures = [var.sku]
}

run "rejects_premium_features_without_premium" {
  command = plan
  variables {
    sku                           = "Standard"
    public_network_access_enabled = true
  }
  expect_failures = [var.sku]
}

run "rejects_trust_policy" {
  command = plan
  variables {
    trust_policy_enabled = true
  }
  expect_failures = [var.trust_policy_enabled]
}

run "rejects_ip_ranges_without_public_access" {
  command = plan
  variables {
    allowed_ip_ranges = ["203.0.113.0/28"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_open_ip_range" {
  command = plan
  variables {
    public_network_access_enabled = true
    allowed_ip_ranges             = ["0.0.0.0/0"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_bad_retention" {
  command = plan
  variables {
    retention_policy_in_days = 400
  }
  expect_failures = [var.retention_policy_in_days]
}

run "rejects_georeplication_in_home_region" {
  command = plan
  variables {
    georeplications = [{ location = "SwedenCentral" }]
  }
  expect_failures = [var.georeplications]
}

run "rejects_bad_bypass" {
  command = plan
  variables {
    network_rule_bypass_option = "All"
  }
  expect_failures = [var.network_rule_bypass_option]
}

run "rejects_bad_pull_principal" {
  command = plan
  variables {
    pull_principal_ids = { app = "app-identity" }
  }
  expect_failures = [var.pull_principal_ids]
}

run "rejects_bad_sku" {
  command = plan
  variables {
    sku = "premium"
  }
  expect_failures = [var.sku]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "cr-chat-unit"
  }
  expect_failures = [var.name]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "None" }
  }
  expect_failures = [var.lock]
}
