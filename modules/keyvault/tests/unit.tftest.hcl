mock_provider "azurerm" {
  mock_data "azurerm_client_config" {
    defaults = {
      tenant_id       = "72f988bf-0000-0000-0000-000000000000"
      subscription_id = "00000000-0000-0000-0000-000000000000"
      object_id       = "33333333-3333-3333-3333-333333333333"
    }
  }
}

mock_provider "time" {}

variables {
  name                = "kv-chat-unit"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = azurerm_key_vault.this.rbac_authorization_enabled == true
    error_message = "RBAC authorization must be on (rbac_authorization_enabled, not the deprecated enable_rbac_authorization)"
  }
  assert {
    condition     = azurerm_key_vault.this.purge_protection_enabled == true
    error_message = "purge protection must be on (CKV_AZURE_110)"
  }
  assert {
    condition     = azurerm_key_vault.this.soft_delete_retention_days == 90
    error_message = "soft delete retention 90 days (CKV_AZURE_42)"
  }
  assert {
    condition     = azurerm_key_vault.this.public_network_access_enabled == false
    error_message = "public network access must be off (CKV_AZURE_189)"
  }
  assert {
    condition     = azurerm_key_vault.this.network_acls[0].default_action == "Deny" && azurerm_key_vault.this.network_acls[0].bypass == "AzureServices"
    error_message = "network ACLs must be Deny with AzureServices bypass (CKV_AZURE_109, AZU-0013)"
  }
  assert {
    condition     = azurerm_key_vault.this.enabled_for_deployment == false && azurerm_key_vault.this.enabled_for_template_deployment == false && azurerm_key_vault.this.enabled_for_disk_encryption == false
    error_message = "VM/template/disk-encryption access must be off"
  }
  assert {
    condition     = azurerm_key_vault.this.tenant_id == "72f988bf-0000-0000-0000-000000000000" && azurerm_key_vault.this.sku_name == "standard"
    error_message = "tenant defaults to the caller's; sku standard"
  }
  assert {
    condition     = length(azurerm_key_vault_secret.this) == 0 && length(module.private_endpoint) == 0
    error_message = "no secrets or endpoints by default"
  }
  assert {
    condition     = length(terraform_data.prevent_destroy) == 1
    error_message = "the vault is protected against destroy by default (sentinel with prevent_destroy)"
  }
}

run "secrets_write_only_with_metadata" {
  command = plan

  variables {
    secrets = {
      postgres-conn = {
        value_wo_version = 2
        content_type     = "application/x-connection-string"
        expiration_date  = "2027-06-30T00:00:00Z"
        not_before_date  = "2026-11-01T00:00:00Z"
      }
      openai-key = {
        name             = "foundry-fallback"
        value_wo_version = 1
        content_type     = "text/plain"
        expiration_date  = "2027-01-31T00:00:00Z"
      }
    }
    secret_values = {
      postgres-conn = "Host=psql-unit.postgres.database.azure.com;Database=chat"
      openai-key    = "placeholder"
    }
  }

  assert {
    condition     = azurerm_key_vault_secret.this["postgres-conn"].value_wo == null && azurerm_key_vault_secret.this["postgres-conn"].value == null
    error_message = "secret values must be write-only: neither value nor value_wo is in the plan"
  }
  assert {
    condition     = azurerm_key_vault_secret.this["postgres-conn"].value_wo_version == 2
    error_message = "value_wo_version must be passed through (bump to rotate)"
  }
  assert {
    condition     = azurerm_key_vault_secret.this["postgres-conn"].content_type == "application/x-connection-string" && azurerm_key_vault_secret.this["openai-key"].content_type == "text/plain"
    error_message = "content_type must be set (CKV_AZURE_114)"
  }
  assert {
    condition     = azurerm_key_vault_secret.this["postgres-conn"].expiration_date == "2027-06-30T00:00:00Z" && azurerm_key_vault_secret.this["openai-key"].expiration_date == "2027-01-31T00:00:00Z"
    error_message = "expiration_date must be set (CKV_AZURE_41)"
  }
  assert {
    condition     = azurerm_key_vault_secret.this["openai-key"].name == "foundry-fallback" && azurerm_key_vault_secret.this["postgres-conn"].name == "postgres-conn"
    error_message = "secret name defaults to the key"
  }
  assert {
    condition     = length(time_sleep.rbac_propagation) == 0
    error_message = "no RBAC wait without role assignments in this module"
  }
}

run "secrets_wait_for_rbac_propagation" {
  command = plan

  variables {
    secrets       = { s = { value_wo_version = 1, content_type = "text/plain", expiration_date = "2027-01-01T00:00:00Z" } }
    secret_values = { s = "placeholder" }
    role_assignments = {
      officer = { role_definition_id_or_name = "Key Vault Secrets Officer", principal_id = "33333333-3333-3333-3333-333333333333" }
    }
  }

  # Azure RBAC propagation (not visible offline): the secret waits for the Secrets Officer assignment.
  assert {
    condition     = length(time_sleep.rbac_propagation) == 1 && time_sleep.rbac_propagation[0].create_duration == "60s"
    error_message = "secrets must wait 60s after the role assignments (RBAC propagation, else 403)"
  }
}

run "rejects_bad_rbac_propagation_wait" {
  command = plan
  variables {
    rbac_propagation_wait = "one minute"
  }
  expect_failures = [var.rbac_propagation_wait]
}

run "prevent_destroy_sentinel_by_default_and_off_on_request" {
  command = plan
  variables {
    prevent_destroy = false
  }
  assert {
    condition     = length(terraform_data.prevent_destroy) == 0
    error_message = "prevent_destroy = false: no sentinel (a dev vault can be torn down)"
  }
}

run "private_endpoint_rbac_diagnostics_lock" {
  command = plan

  variables {
    private_endpoints = {
      pe = {
        subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
        private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"]
      }
    }
    role_assignments = {
      app = { role_definition_id_or_name = "Key Vault Secrets User", principal_id = "44444444-4444-4444-4444-444444444444", principal_type = "ServicePrincipal" }
    }
    diagnostic_settings = {
      law = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit" }
    }
    lock = { kind = "CanNotDelete" }
  }

  assert {
    condition     = module.private_endpoint["pe"].name == "pe-kv-chat-unit-pe"
    error_message = "a private endpoint (subresource vault) must be created (CKV2_AZURE_32)"
  }
  assert {
    condition     = azurerm_role_assignment.this["app"].role_definition_name == "Key Vault Secrets User" && azurerm_role_assignment.this["app"].principal_type == "ServicePrincipal"
    error_message = "RBAC role assignments on the vault"
  }
  assert {
    condition     = [for log in azurerm_monitor_diagnostic_setting.this["law"].enabled_log : log.category_group] == ["allLogs"] && [for metric in azurerm_monitor_diagnostic_setting.this["law"].enabled_metric : metric.category] == ["AllMetrics"]
    error_message = "diagnostics: allLogs (AuditEvent) + AllMetrics"
  }
  assert {
    condition     = azurerm_management_lock.this[0].lock_level == "CanNotDelete"
    error_message = "lock"
  }
}

run "public_access_with_ip_rules" {
  command = plan

  variables {
    public_network_access_enabled = true
    network_acls                  = { ip_rules = ["203.0.113.10", "198.51.100.0/24"] }
  }

  assert {
    condition     = azurerm_key_vault.this.network_acls[0].default_action == "Deny" && toset(azurerm_key_vault.this.network_acls[0].ip_rules) == toset(["203.0.113.10", "198.51.100.0/24"])
    error_message = "with public access, the firewall still denies by default and allows only ip_rules"
  }
}

run "rejects_purge_protection_off" {
  command = plan
  variables {
    purge_protection_enabled = false
  }
  expect_failures = [var.purge_protection_enabled]
}

run "rejects_bad_soft_delete_retention" {
  command = plan
  variables {
    soft_delete_retention_days = 120
  }
  expect_failures = [var.soft_delete_retention_days]
}

run "rejects_ip_rules_without_public_access" {
  command = plan
  variables {
    network_acls = { ip_rules = ["203.0.113.10"] }
  }
  expect_failures = [var.network_acls]
}

run "rejects_open_ip_rule" {
  command = plan
  variables {
    public_network_access_enabled = true
    network_acls                  = { ip_rules = ["0.0.0.0/0"] }
  }
  expect_failures = [var.network_acls]
}

run "rejects_bad_bypass" {
  command = plan
  variables {
    network_acls = { bypass = "Everything" }
  }
  expect_failures = [var.network_acls]
}

run "rejects_secret_without_content_type" {
  command = plan
  variables {
    secrets       = { s = { value_wo_version = 1, content_type = "", expiration_date = "2027-01-01T00:00:00Z" } }
    secret_values = { s = "x" }
  }
  expect_failures = [var.secrets]
}

run "rejects_secret_with_bad_expiration_date" {
  command = plan
  variables {
    secrets       = { s = { value_wo_version = 1, content_type = "text/plain", expiration_date = "2027-01-01" } }
    secret_values = { s = "x" }
  }
  expect_failures = [var.secrets]
}

run "rejects_not_before_after_expiration" {
  command = plan
  variables {
    secrets       = { s = { value_wo_version = 1, content_type = "text/plain", expiration_date = "2027-01-01T00:00:00Z", not_before_date = "2027-02-01T00:00:00Z" } }
    secret_values = { s = "x" }
  }
  expect_failures = [var.secrets]
}

run "rejects_bad_secret_name" {
  command = plan
  variables {
    secrets       = { "db_password" = { value_wo_version = 1, content_type = "text/plain", expiration_date = "2027-01-01T00:00:00Z" } }
    secret_values = { "db_password" = "x" }
  }
  expect_failures = [var.secrets]
}

run "rejects_bad_value_wo_version" {
  command = plan
  variables {
    secrets       = { s = { value_wo_version = 0, content_type = "text/plain", expiration_date = "2027-01-01T00:00:00Z" } }
    secret_values = { s = "x" }
  }
  expect_failures = [var.secrets]
}

run "rejects_missing_secret_value" {
  command = plan
  variables {
    secrets       = { s = { value_wo_version = 1, content_type = "text/plain", expiration_date = "2027-01-01T00:00:00Z" } }
    secret_values = {}
  }
  expect_failures = [var.secret_values]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "kv--chat"
  }
  expect_failures = [var.name]
}

run "rejects_uppercase_sku" {
  command = plan
  variables {
    sku_name = "Premium"
  }
  expect_failures = [var.sku_name]
}

run "rejects_bad_tenant_id" {
  command = plan
  variables {
    tenant_id = "contoso.onmicrosoft.com"
  }
  expect_failures = [var.tenant_id]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "readonly" }
  }
  expect_failures = [var.lock]
}
