mock_provider "azurerm" {}

variables {
  location             = "swedencentral"
  resource_group_name  = "rg-tfstate-unit"
  storage_account_name = "sttfstateunit"
  ci_principal_id      = "77777777-7777-7777-7777-777777777777"
}

run "secure_defaults" {
  command = plan

  # Known ids at plan time, so the wiring (storage_account_id, role scope) can be asserted.
  override_resource {
    target          = azurerm_storage_account.this
    override_during = plan
    values = {
      id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate-unit/providers/Microsoft.Storage/storageAccounts/sttfstateunit"
    }
  }
  override_resource {
    target          = azurerm_storage_container.this
    override_during = plan
    values = {
      id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate-unit/providers/Microsoft.Storage/storageAccounts/sttfstateunit/blobServices/default/containers/tfstate"
    }
  }

  assert {
    condition     = azurerm_storage_account.this.shared_access_key_enabled == false
    error_message = "shared keys must be off (CKV2_AZURE_40)"
  }
  assert {
    condition     = azurerm_storage_account.this.default_to_oauth_authentication == true
    error_message = "Entra ID must be the default authentication"
  }
  assert {
    condition     = azurerm_storage_account.this.min_tls_version == "TLS1_2" && azurerm_storage_account.this.https_traffic_only_enabled == true
    error_message = "TLS 1.2 minimum, HTTPS only (CKV_AZURE_44)"
  }
  assert {
    condition     = azurerm_storage_account.this.allow_nested_items_to_be_public == false
    error_message = "no public blobs (CKV_AZURE_190)"
  }
  assert {
    condition     = azurerm_storage_account.this.infrastructure_encryption_enabled == true
    error_message = "infrastructure encryption must be on"
  }
  assert {
    condition     = azurerm_storage_account.this.account_replication_type == "GZRS"
    error_message = "zone-redundant replication (GZRS) by default (CKV_AZURE_206)"
  }
  assert {
    condition     = azurerm_storage_account.this.public_network_access_enabled == false && azurerm_storage_account.this.network_rules[0].default_action == "Deny"
    error_message = "public access off and firewall Deny (CKV_AZURE_59, CKV2_AZURE_47, AZU-0012)"
  }
  assert {
    condition     = azurerm_storage_account.this.local_user_enabled == false && azurerm_storage_account.this.sftp_enabled == false && azurerm_storage_account.this.cross_tenant_replication_enabled == false
    error_message = "no local users, SFTP or cross-tenant replication"
  }
  assert {
    condition     = azurerm_storage_account.this.blob_properties[0].versioning_enabled == true
    error_message = "blob versioning must be on"
  }
  assert {
    condition     = azurerm_storage_account.this.blob_properties[0].delete_retention_policy[0].days == 30 && azurerm_storage_account.this.blob_properties[0].container_delete_retention_policy[0].days == 30
    error_message = "blob and container soft delete must be on (CKV2_AZURE_38)"
  }
  assert {
    condition     = azurerm_storage_container.this.name == "tfstate" && azurerm_storage_container.this.container_access_type == "private"
    error_message = "private tfstate container"
  }
  assert {
    condition     = azurerm_storage_container.this.storage_account_id == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate-unit/providers/Microsoft.Storage/storageAccounts/sttfstateunit"
    error_message = "the container must use storage_account_id (not the deprecated storage_account_name)"
  }
  assert {
    condition     = azurerm_role_assignment.ci_state.role_definition_name == "Storage Blob Data Contributor" && azurerm_role_assignment.ci_state.principal_id == "77777777-7777-7777-7777-777777777777" && azurerm_role_assignment.ci_state.principal_type == "ServicePrincipal"
    error_message = "the CI identity must get Storage Blob Data Contributor"
  }
  assert {
    condition     = azurerm_role_assignment.ci_state.scope == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate-unit/providers/Microsoft.Storage/storageAccounts/sttfstateunit/blobServices/default/containers/tfstate"
    error_message = "the CI role assignment is scoped to the state container only"
  }
  assert {
    condition     = azurerm_management_lock.this[0].scope == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate-unit/providers/Microsoft.Storage/storageAccounts/sttfstateunit"
    error_message = "the lock is on the storage account"
  }
  assert {
    condition     = azurerm_management_lock.this[0].lock_level == "CanNotDelete"
    error_message = "a CanNotDelete lock by default"
  }
  assert {
    condition     = azurerm_resource_group.this.name == "rg-tfstate-unit" && azurerm_resource_group.this.location == "swedencentral"
    error_message = "the resource group is created by this root"
  }
  assert {
    condition     = output.backend_config.use_azuread_auth == true && output.backend_config.use_oidc == true && output.backend_config.container_name == "tfstate" && output.backend_config.storage_account_name == "sttfstateunit"
    error_message = "backend settings output"
  }
}

run "bootstrap_from_allowed_ip_with_diagnostics_and_private_endpoint" {
  command = plan

  variables {
    public_network_access_enabled   = true
    allowed_ip_ranges               = ["203.0.113.10", "198.51.100.0/28"]
    state_contributor_principal_ids = { platform = "88888888-8888-8888-8888-888888888888" }
    diagnostic_settings = {
      law = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit" }
    }
    private_endpoints = {
      blob = {
        subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
        private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"]
      }
    }
    account_replication_type = "ZRS"
  }

  assert {
    condition     = azurerm_storage_account.this.network_rules[0].default_action == "Deny" && toset(azurerm_storage_account.this.network_rules[0].ip_rules) == toset(["203.0.113.10", "198.51.100.0/28"])
    error_message = "public endpoint only for the allowed ranges"
  }
  assert {
    condition     = azurerm_role_assignment.state_contributors["platform"].role_definition_name == "Storage Blob Data Contributor"
    error_message = "extra state contributors"
  }
  assert {
    condition     = [for log in azurerm_monitor_diagnostic_setting.this["law"].enabled_log : log.category_group] == ["allLogs"]
    error_message = "blob service logs must be sent"
  }
  assert {
    condition     = [for metric in azurerm_monitor_diagnostic_setting.this["law"].enabled_metric : metric.category] == ["Transaction"]
    error_message = "a blob service sends the Transaction metric category by default (AllMetrics is rejected by Azure there)"
  }
  assert {
    condition     = module.private_endpoint["blob"].name == "pe-sttfstateunit-blob"
    error_message = "blob private endpoint"
  }
  assert {
    condition     = azurerm_storage_account.this.account_replication_type == "ZRS"
    error_message = "ZRS accepted"
  }
}

run "lock_can_be_removed" {
  command = plan
  variables {
    lock = null
  }
  assert {
    condition     = length(azurerm_management_lock.this) == 0
    error_message = "lock = null removes the lock"
  }
}

run "rejects_locally_redundant_storage" {
  command = plan
  variables {
    account_replication_type = "LRS"
  }
  expect_failures = [var.account_replication_type]
}

run "rejects_ip_ranges_without_public_access" {
  command = plan
  variables {
    allowed_ip_ranges = ["203.0.113.10"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_private_ip_range" {
  command = plan
  variables {
    public_network_access_enabled = true
    allowed_ip_ranges             = ["10.1.0.0/16"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_slash_32" {
  command = plan
  variables {
    public_network_access_enabled = true
    allowed_ip_ranges             = ["203.0.113.10/32"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_open_range" {
  command = plan
  variables {
    public_network_access_enabled = true
    allowed_ip_ranges             = ["0.0.0.0/0"]
  }
  expect_failures = [var.allowed_ip_ranges]
}

run "rejects_client_id_style_principal" {
  command = plan
  variables {
    ci_principal_id = "github-actions-ci"
  }
  expect_failures = [var.ci_principal_id]
}

run "rejects_bad_storage_account_name" {
  command = plan
  variables {
    storage_account_name = "st-tfstate"
  }
  expect_failures = [var.storage_account_name]
}

run "rejects_bad_container_name" {
  command = plan
  variables {
    container_name = "TF_State"
  }
  expect_failures = [var.container_name]
}

run "rejects_short_soft_delete" {
  command = plan
  variables {
    blob_soft_delete_retention_days = 1
  }
  expect_failures = [var.blob_soft_delete_retention_days]
}

run "rejects_short_container_soft_delete" {
  command = plan
  variables {
    container_soft_delete_retention_days = 400
  }
  expect_failures = [var.container_soft_delete_retention_days]
}

run "rejects_bad_principal_type" {
  command = plan
  variables {
    ci_principal_type = "ManagedIdentity"
  }
  expect_failures = [var.ci_principal_type]
}

run "rejects_bad_contributor_id" {
  command = plan
  variables {
    state_contributor_principal_ids = { platform = "platform-team" }
  }
  expect_failures = [var.state_contributor_principal_ids]
}

run "rejects_bad_subscription_id" {
  command = plan
  variables {
    subscription_id = "my-subscription"
  }
  expect_failures = [var.subscription_id]
}

run "rejects_bad_resource_group_name" {
  command = plan
  variables {
    resource_group_name = "rg tfstate."
  }
  expect_failures = [var.resource_group_name]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "Delete" }
  }
  expect_failures = [var.lock]
}

run "rejects_all_metrics_on_blob_service" {
  command = plan
  variables {
    diagnostic_settings = {
      law = {
        workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
        metric_categories     = ["AllMetrics"]
      }
    }
  }
  expect_failures = [var.diagnostic_settings]
}
