mock_provider "azurerm" {}

variables {
  name                = "psql-unit-01"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
  tenant_id           = "00000000-0000-0000-0000-000000000001"
  administrators = {
    app = {
      object_id      = "00000000-0000-0000-0000-000000000002"
      principal_name = "id-app-unit"
    }
  }
  databases = { chat = {} }
  private_endpoints = {
    pe = {
      subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
      private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com"]
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

  # CKV2_AZURE_57: private-endpoint mode, no public access, no VNet injection.
  assert {
    condition     = azurerm_postgresql_flexible_server.this.public_network_access_enabled == false && azurerm_postgresql_flexible_server.this.delegated_subnet_id == null
    error_message = "public access must be off and no delegated subnet (private-endpoint mode)"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-psql-unit-01-pe"
    error_message = "a private endpoint must be created"
  }
  # Entra-only authentication.
  assert {
    condition     = azurerm_postgresql_flexible_server.this.authentication[0].active_directory_auth_enabled == true && azurerm_postgresql_flexible_server.this.authentication[0].password_auth_enabled == false
    error_message = "Entra auth on, password auth off"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server.this.authentication[0].tenant_id == var.tenant_id
    error_message = "tenant id must be set"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server.this.administrator_password == null && azurerm_postgresql_flexible_server.this.administrator_password_wo == null
    error_message = "no administrator login or password"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server_active_directory_administrator.this["app"].principal_type == "ServicePrincipal" && azurerm_postgresql_flexible_server_active_directory_administrator.this["app"].principal_name == "id-app-unit"
    error_message = "the Entra administrator must be the given principal"
  }
  # Version, HA, backups.
  assert {
    condition     = azurerm_postgresql_flexible_server.this.version == "16"
    error_message = "version 16 by default"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server.this.high_availability[0].mode == "ZoneRedundant"
    error_message = "zone-redundant HA by default"
  }
  # CKV_AZURE_136 geo-redundant backup.
  assert {
    condition     = azurerm_postgresql_flexible_server.this.geo_redundant_backup_enabled == true
    error_message = "geo-redundant backup must be on"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server.this.backup_retention_days == 35
    error_message = "backup retention 35 days by default"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server.this.maintenance_window[0].day_of_week == 0 && azurerm_postgresql_flexible_server.this.maintenance_window[0].start_hour == 2
    error_message = "custom maintenance window by default"
  }
  # Server parameters (trivy AZU-0019/21/24 equivalents).
  assert {
    condition     = azurerm_postgresql_flexible_server_configuration.this["log_connections"].value == "on" && azurerm_postgresql_flexible_server_configuration.this["log_checkpoints"].value == "on" && azurerm_postgresql_flexible_server_configuration.this["connection_throttle.enable"].value == "on"
    error_message = "log_connections, log_checkpoints and connection_throttle.enable must be on"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server_configuration.this["require_secure_transport"].value == "on" && azurerm_postgresql_flexible_server_configuration.this["ssl_min_protocol_version"].value == "TLSv1.2"
    error_message = "TLS must be enforced (1.2 minimum)"
  }
  assert {
    condition     = azurerm_postgresql_flexible_server_database.this["chat"].charset == "UTF8"
    error_message = "database must be created"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.this["law"].log_analytics_workspace_id == var.diagnostic_settings.law.workspace_resource_id
    error_message = "diagnostic setting must be created"
  }
}

run "dev_burstable_without_ha" {
  command = plan

  variables {
    sku_name                     = "B_Standard_B1ms"
    high_availability            = null
    geo_redundant_backup_enabled = false
    backup_retention_days        = 7
    postgresql_version           = "17"
  }

  assert {
    condition     = length(azurerm_postgresql_flexible_server.this.high_availability) == 0 && azurerm_postgresql_flexible_server.this.version == "17"
    error_message = "HA off on Burstable"
  }
}

run "rejects_ha_on_burstable" {
  command = plan
  variables {
    sku_name = "B_Standard_B1ms"
  }
  expect_failures = [var.high_availability]
}

run "rejects_short_backup_retention" {
  command = plan
  variables {
    backup_retention_days = 3
  }
  expect_failures = [var.backup_retention_days]
}

run "rejects_long_backup_retention" {
  command = plan
  variables {
    backup_retention_days = 36
  }
  expect_failures = [var.backup_retention_days]
}

run "rejects_old_version" {
  command = plan
  variables {
    postgresql_version = "13"
  }
  expect_failures = [var.postgresql_version]
}

run "rejects_password_auth" {
  command = plan
  variables {
    password_authentication_enabled = true
  }
  expect_failures = [var.password_authentication_enabled]
}

run "rejects_no_administrator" {
  command = plan
  variables {
    administrators = {}
  }
  expect_failures = [var.administrators]
}

run "rejects_bad_ha_mode" {
  command = plan
  variables {
    high_availability = { mode = "Regional" }
  }
  expect_failures = [var.high_availability]
}

run "rejects_odd_storage_size" {
  command = plan
  variables {
    storage_mb = 40000
  }
  expect_failures = [var.storage_mb]
}

run "rejects_turning_off_connection_logs" {
  command = plan
  variables {
    server_configurations = { log_connections = "off" }
  }
  expect_failures = [var.server_configurations]
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
    name = "PSQL_unit"
  }
  expect_failures = [var.name]
}

run "rejects_non_guid_tenant" {
  command = plan
  variables {
    tenant_id = "contoso.onmicrosoft.com"
  }
  expect_failures = [var.tenant_id]
}

run "rejects_bad_principal_type" {
  command = plan
  variables {
    administrators = {
      app = {
        object_id      = "00000000-0000-0000-0000-000000000002"
        principal_name = "id-app-unit"
        principal_type = "ManagedIdentity"
      }
    }
  }
  expect_failures = [var.administrators]
}

run "rejects_bad_sku_name" {
  command = plan
  variables {
    sku_name = "Standard_D2s_v3"
  }
  expect_failures = [var.sku_name]
}

run "rejects_bad_maintenance_window" {
  command = plan
  variables {
    maintenance_window = { day_of_week = 7 }
  }
  expect_failures = [var.maintenance_window]
}
